import { z } from 'zod';
import { HUB_ROUTES, type DaySalesAnswer, type DaySummaryAnswer, type MeAnswer, type OwnerKeyAnswer, type OwnerKeyListing, type OwnerKeysAnswer, type PairingCodeAnswer, type TerminalListing, type UnmatchedAnswer } from '../../contract/hub';
import type { PosError, PosResult } from '../../contract/errors';
import { err, ok, type Result } from '../../contract/result';
import type { HubFailure } from './client';
import type { HistoryDeps } from '../history';
import { shopExportHandler } from './shop-export';
import type { HubRuntime } from './runtime';
import type { HandlersFor } from '../dispatch';

/**
 * The hub answers these as JSON shaped by electron/contract/hub.ts; the counter takes the shape on
 * trust only after this light check (a hub of another version must not break the owner's screen).
 */
const object = z.object({}).passthrough();
const read = <T>(check: z.ZodType) => (value: unknown) => check.parse(value) as T;

function hubProblem(failure: HubFailure): PosError {
  if (failure.kind === 'unauthorized') return { code: 'hub_unavailable', message: `The shop hub refused this: ${failure.message} Only the owner's Counter (paired as the owner's) can see the whole shop.` };
  if (failure.kind === 'rate_limited') return { code: 'hub_unavailable', message: `The shop hub asks to wait ${Math.ceil((failure.retryAfterMs ?? 30_000) / 1000)} seconds.` };
  return { code: 'hub_unavailable', message: failure.message };
}

const answer = <T>(result: Result<T, HubFailure>): PosResult<T> => (result.ok ? ok(result.value) : err(hubProblem(result.error)));

export function shopHandlers(hub: HubRuntime, deps: HistoryDeps): HandlersFor<'shop.day' | 'shop.export' | 'hub.pairingCode' | 'hub.ownerKey' | 'hub.ownerKeys' | 'hub.revokeOwnerKey' | 'hub.terminals' | 'hub.revoke'> {
  const owner = (): PosError | null => {
    const pairing = hub.pairing();
    if (!pairing) return { code: 'hub_unavailable', message: 'This counter is not paired with a shop hub. The owner pairs it in Settings.' };
    if (pairing.role !== 'owner') return { code: 'not_allowed', message: 'This Counter is paired as a counter, not as the owner\'s: the whole shop shows on the owner\'s Counter.' };
    return null;
  };
  return {
    'shop.day': async ({ day, terminalId }) => {
      const refused = owner();
      if (refused) return err(refused);
      const query = terminalId ? `?terminal=${encodeURIComponent(terminalId)}` : '';
      const [summary, sales, unmatched] = await Promise.all([
        hub.call('GET', `${HUB_ROUTES.daysPrefix}${day}/summary`, undefined, read<DaySummaryAnswer>(object)),
        hub.call('GET', `${HUB_ROUTES.daysPrefix}${day}/sales${query}`, undefined, read<DaySalesAnswer>(object)),
        hub.call('GET', HUB_ROUTES.unmatched, undefined, read<UnmatchedAnswer>(object)),
      ]);
      if (!summary.ok) return err(hubProblem(summary.error));
      if (!sales.ok) return err(hubProblem(sales.error));
      return ok({
        day,
        shopName: summary.value.shop?.name ?? hub.pairing()?.shopName ?? '',
        all: summary.value.all,
        counters: terminalId ? summary.value.counters.filter((c) => c.terminalId === terminalId) : summary.value.counters,
        sales: sales.value.sales,
        unmatched: unmatched.ok ? unmatched.value.payments : null,
        fetchedAt: new Date().toISOString(),
      });
    },
    'shop.export': shopExportHandler(hub, deps, owner, hubProblem),
    'hub.pairingCode': async (input) => answer(await hub.call('POST', HUB_ROUTES.pairingCodes, input, read<PairingCodeAnswer>(object))),
    'hub.ownerKey': async (input) => answer(await hub.call('POST', HUB_ROUTES.ownerKeys, input, read<OwnerKeyAnswer>(object))),
    'hub.ownerKeys': async () => {
      const listed = await hub.call('GET', HUB_ROUTES.ownerKeys, undefined, read<OwnerKeysAnswer>(z.object({ keys: z.array(object) }).passthrough()));
      return listed.ok ? ok(listed.value.keys) : err(hubProblem(listed.error));
    },
    'hub.revokeOwnerKey': async ({ keyId }) => answer(await hub.call('DELETE', `${HUB_ROUTES.ownerKeys}/${encodeURIComponent(keyId)}`, undefined, read<OwnerKeyListing>(object))),
    'hub.terminals': async () => {
      const [listed, me] = await Promise.all([
        hub.call('GET', HUB_ROUTES.terminals, undefined, read<{ terminals: TerminalListing[] }>(object)),
        hub.call('GET', HUB_ROUTES.me, undefined, read<MeAnswer>(object)),
      ]);
      if (!listed.ok) return err(hubProblem(listed.error));
      const self = me.ok ? me.value.terminalId : null;
      return ok(listed.value.terminals.map((terminal) => ({ ...terminal, thisCounter: terminal.terminalId === self })));
    },
    'hub.revoke': async ({ terminalId }) => answer(await hub.call('DELETE', `${HUB_ROUTES.terminals}/${encodeURIComponent(terminalId)}`, undefined, read<TerminalListing>(object))),
  };
}
