import { inspect } from 'node:util';

/** The store could not do what was asked (database down, connection lost, a statement failed): answer 503, keep running. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : inspect(error, { depth: 2, breakLength: Infinity }).slice(0, 300));

/** Run a driver call; whatever it throws leaves as a StoreError carrying the original. */
export async function storeCall<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${what}: ${describe(error)}`, { cause: error });
  }
}
