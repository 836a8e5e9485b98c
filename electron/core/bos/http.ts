import { err, ok, type Result } from '../../contract/result';
import { bosError, type BosError } from './errors';

export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

export interface PostOptions {
  fetch: typeof fetch;
  url: string;
  body: string;
  token?: string;
  timeoutMs: number;
}

const TIMEOUT = Symbol('timeout');

function errorCodeOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (typeof current === 'object') {
      const { code, message } = current as { code?: unknown; message?: unknown };
      if (typeof code === 'string') parts.push(code);
      if (typeof message === 'string') parts.push(message);
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' ');
}

/** Turns whatever fetch (Node's or Electron's net.fetch) threw into a cashier-readable error. */
export function classifyFetchFailure(error: unknown, duringBody: boolean): BosError {
  const detail = errorCodeOf(error);
  if (/ECONNREFUSED|ERR_CONNECTION_REFUSED/i.test(detail)) {
    return bosError('network', 'Cannot reach BOS: the connection was refused. Check the internet connection and try again.', { mayHaveReached: false });
  }
  if (/ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED|getaddrinfo/i.test(detail)) {
    return bosError('network', 'Cannot find the BOS server. Check the internet connection and the server address in Settings.', { mayHaveReached: false });
  }
  if (/ERR_INTERNET_DISCONNECTED|ENETUNREACH|EHOSTUNREACH/i.test(detail)) {
    return bosError('network', 'This computer is offline. Check the internet connection and try again.', { mayHaveReached: false });
  }
  if (duringBody || /ECONNRESET|UND_ERR_SOCKET|ERR_CONNECTION_RESET|terminated|socket hang up/i.test(detail)) {
    return bosError('network', 'The connection to BOS dropped before it finished answering. Try again.');
  }
  return bosError('network', 'Cannot reach BOS. Check the internet connection and try again.');
}

/**
 * One POST, one answer. Never retries: a create or claim that may have reached
 * BOS must not be sent twice behind the cashier's back.
 */
export async function postJson(options: PostOptions): Promise<Result<HttpAnswer, BosError>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(TIMEOUT);
    }, options.timeoutMs);
  });
  const seconds = Number((options.timeoutMs / 1000).toFixed(1));
  const timedOut = () =>
    err(bosError('timeout', `BOS did not answer within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}. Check the internet connection and try again.`));

  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  const progress: { stage: 'request' | 'body' } = { stage: 'request' };
  const exchange = (async (): Promise<HttpAnswer> => {
    const response = await options.fetch(options.url, { method: 'POST', headers, body: options.body, signal: controller.signal });
    progress.stage = 'body';
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  })();
  // If the fetch implementation ignores the abort signal, the race still ends on time.
  exchange.catch(() => undefined);

  try {
    const outcome = await Promise.race([exchange, deadline]);
    if (outcome === TIMEOUT) return timedOut();
    return ok(outcome);
  } catch (error) {
    if (controller.signal.aborted) return timedOut();
    return err(classifyFetchFailure(error, progress.stage === 'body'));
  } finally {
    clearTimeout(timer);
  }
}

/** The JSON body of an answer, or the reason it cannot be read. */
export function readJson(answer: HttpAnswer): Result<unknown, BosError> {
  const unreadable = (why: string) =>
    err(bosError('invalid_response', `BOS sent an answer Counter cannot read (${why}). Counter did not act on it; try again.`, { httpStatus: answer.status }));
  if (!/\bjson\b/i.test(answer.contentType)) {
    return unreadable(answer.contentType ? `unexpected format ${answer.contentType.split(';')[0]}` : 'no format given');
  }
  if (answer.text.trim() === '') return unreadable('empty answer');
  try {
    return ok(JSON.parse(answer.text) as unknown);
  } catch {
    return unreadable('incomplete or broken data');
  }
}

/** HTTP-level outcomes common to every call. Returns null when the body should be read. */
export function httpFailure(answer: HttpAnswer): BosError | null {
  if (answer.status === 401 || answer.status === 403) {
    return bosError('unauthorized', 'BOS did not accept Counter\'s credentials. Ask the owner to check the registration ID and token in Settings.', { httpStatus: answer.status });
  }
  if (answer.status >= 500) {
    return bosError('server_error', `BOS is having a problem right now (HTTP ${answer.status}). Wait a minute and try again.`, { httpStatus: answer.status });
  }
  return null;
}
