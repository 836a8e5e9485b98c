import { z } from 'zod';
import { OPERATION_NAMES, OPERATIONS, type OperationName } from './operations';

export { hubUrlAllowed, MAX_EXPORT_DAYS } from './inputs';

export type InputSchemas = { readonly [Op in OperationName]: ReturnType<(typeof OPERATIONS)[Op]['input']> };

/** Each operation's input schema, built with zod from its declaration in operations.ts. */
export const inputSchemas = Object.fromEntries(OPERATION_NAMES.map((op) => [op, OPERATIONS[op].input(z)])) as InputSchemas;
