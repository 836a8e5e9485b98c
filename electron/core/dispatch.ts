import { OWNER_ONLY, type OperationInput, type OperationName, type OperationResults } from '../contract/operations';
import { inputSchemas } from '../contract/schemas';
import type { PosResult } from '../contract/errors';
import { err } from '../contract/result';

/** One handler per operation; each domain's handlers.ts supplies its share and services.ts checks they add up. */
export type Handlers = { [Op in OperationName]: (input: OperationInput<Op>) => Promise<PosResult<OperationResults[Op]>> };

export type HandlersFor<Ops extends OperationName> = Pick<Handlers, Ops>;

/** What an owner-only operation asks of the owner's PIN lock. */
export interface OwnerGate {
  isUnlocked(): boolean;
  view(): { pinSet: boolean };
  /** A guarded action was allowed: the owner's session runs on from here. */
  touch(): void;
}

export interface Dispatch {
  /** A window's call: parses rawInput with the contract's schema, checks an owner-only operation against the PIN session, runs it; never throws. */
  handle(operation: string, rawInput: unknown): Promise<PosResult<unknown>>;
  /** The shell's own call (its start options, not a window's): parsed and run the same way, without the owner's PIN. */
  asShell<Op extends OperationName>(operation: Op, rawInput: unknown): Promise<PosResult<OperationResults[Op]>>;
}

const UNKNOWN: PosResult<never> = err({ code: 'invalid_input', message: 'Counter does not know that action.' });

function parse(op: OperationName, rawInput: unknown): PosResult<unknown> {
  const parsed = inputSchemas[op].safeParse(rawInput);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  // Our schemas carry cashier-worded messages ("Reference ID must be digits only."); zod's own are not for cashiers.
  const message = first && /^[A-Z][^:]*\.$/.test(first.message) ? first.message : 'The details sent are not in the expected form.';
  return err({ code: 'invalid_input', message });
}

function ownerRefusal(owner: OwnerGate): PosResult<never> | null {
  if (owner.isUnlocked()) {
    owner.touch();
    return null;
  }
  if (!owner.view().pinSet) return err({ code: 'not_set_up', message: 'The owner has not set up this counter yet: this needs the owner.' });
  return err({ code: 'owner_required', message: 'This needs the owner\'s PIN.' });
}

/** Every operation goes through here: one schema check, one owner check, one answer for any exception. */
export function createDispatch(handlers: Handlers, owner: OwnerGate): Dispatch {
  async function run(op: OperationName, rawInput: unknown, checkOwner: boolean): Promise<PosResult<unknown>> {
    const input = parse(op, rawInput);
    if (!input.ok) return input;
    const refusal = checkOwner && OWNER_ONLY.has(op) ? ownerRefusal(owner) : null;
    if (refusal) return refusal;
    try {
      const handler = handlers[op] as (input: unknown) => Promise<PosResult<unknown>>;
      return await handler(input.value);
    } catch {
      return err({ code: 'internal', message: 'Counter hit an unexpected problem. Check the sale list before trying again.' });
    }
  }
  return {
    handle: (operation, rawInput) => {
      if (typeof operation !== 'string' || !Object.prototype.hasOwnProperty.call(inputSchemas, operation)) return Promise.resolve(UNKNOWN);
      return run(operation as OperationName, rawInput, true);
    },
    asShell: (operation, rawInput) => run(operation, rawInput, false) as Promise<PosResult<OperationResults[typeof operation]>>,
  };
}
