import type { OperationResults } from '../contract/operations';
import type { OperationInput, OperationName } from '../contract/schemas';
import type { PosResult } from '../contract/errors';

/** One handler per operation; each domain module supplies its share and services.ts checks they add up. */
export type Handlers = { [Op in OperationName]: (input: OperationInput<Op>) => Promise<PosResult<OperationResults[Op]>> };

export type HandlersFor<Ops extends OperationName> = Pick<Handlers, Ops>;
