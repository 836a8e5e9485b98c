import type { PosResult } from '../../../electron/contract/errors';

/**
 * Reads a value from main, then applies every change main pushes; returns the clean-up. The first
 * read is dropped when a push has already arrived: in the browser preview the answer and the push
 * travel on different connections, so an answer from before a change can land after it. A read that
 * fails or throws applies nothing (the next push will).
 */
export function follow<T>(read: () => Promise<PosResult<T>>, subscribe: (listener: (value: T) => void) => () => void, apply: (value: T) => void): () => void {
  let live = true;
  let heard = false;
  const off = subscribe((value) => {
    heard = true;
    if (live) apply(value);
  });
  let first: Promise<PosResult<T>>;
  try {
    first = read();
  } catch (error) {
    // A read that throws at once is treated like one that fails later.
    first = Promise.reject(error);
  }
  first.then(
    (result) => {
      if (live && !heard && result.ok) apply(result.value);
    },
    () => undefined,
  );
  return () => {
    live = false;
    off();
  };
}
