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
  /** What did not happen, told to the cashier when BOS redirects: "No QR is shown." */
  refusedNote: string;
}

/** No BOS answer comes near this; a bigger body is refused before it fills memory. */
export const MAX_BODY_BYTES = 256 * 1024;

const TIMEOUT = Symbol('timeout');

function errorCodeOf(error: unknown): string {
  const parts: string[] = [];
  try {
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
  } catch {
    // A thrown value that throws when read says nothing more; what was read so far stands.
  }
  return parts.join(' ');
}

/** A redirect from "BOS" leads wherever its sender wants; its QR must never reach a customer. */
export function redirectedError(httpStatus: number | null, refusedNote: string): BosError {
  const how = httpStatus ? `HTTP ${httpStatus}` : 'a redirect';
  return bosError('invalid_response', `BOS sent Counter elsewhere (${how}). Counter does not follow that. ${refusedNote}`, {
    reason: 'redirected',
    ...(httpStatus ? { httpStatus } : {}),
  });
}

function unreadableError(why: string, httpStatus?: number): BosError {
  return bosError('invalid_response', `BOS sent an answer Counter cannot read (${why}). Counter did not act on it; try again.`, httpStatus ? { httpStatus } : {});
}

/** Turns whatever fetch (Node's or Electron's net.fetch) threw into a cashier-readable error. */
export function classifyFetchFailure(error: unknown, duringBody: boolean, refusedNote: string): BosError {
  const detail = errorCodeOf(error);
  // Electron: "Redirect was cancelled" (manual), "Attempted to redirect…" (error); Node: "unexpected redirect".
  if (!duringBody && /redirect/i.test(detail)) return redirectedError(null, refusedNote);
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

interface Head {
  status: number;
  contentType: string;
  /** Set when the answer is, or came through, a redirect: its HTTP status, or null when unknown. */
  redirect?: number | null;
}

/**
 * Status, format and redirect marks of whatever fetch returned, read without trusting it
 * to be a real Response: a hostile or broken implementation gives an error, not a throw.
 */
function readHead(response: unknown): Result<Head, string> {
  try {
    if (typeof response !== 'object' || response === null) return err('no answer');
    const { status, type, redirected, headers } = response as Partial<Response>;
    let contentType = '';
    try {
      const value: unknown = typeof headers?.get === 'function' ? headers.get('content-type') : null;
      contentType = typeof value === 'string' ? value : '';
    } catch {
      contentType = '';
    }
    if (type === 'opaqueredirect') return ok({ status: 0, contentType, redirect: null });
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return err('no HTTP status');
    if (status >= 300 && status <= 399) return ok({ status, contentType, redirect: status });
    // A fetch that followed a redirect despite being told not to. (The answer's `url` is not
    // compared with the one asked: a fetch that forwards, as tests and proxies do, changes it.)
    if (redirected === true) return ok({ status, contentType, redirect: null });
    return ok({ status, contentType });
  } catch {
    return err('no HTTP status');
  }
}

function discardBody(response: unknown): void {
  try {
    const body = (response as { body?: ReadableStream | null }).body;
    void body?.cancel().catch(() => undefined);
  } catch {
    // Nothing to free.
  }
}

type Body = { text: string } | { problem: string };

/** The body as text, at most MAX_BODY_BYTES of it. A stream that fails mid-way throws (the connection dropped). */
async function readBody(response: Response): Promise<Body> {
  const body: unknown = response.body;
  if (body && typeof (body as ReadableStream).getReader === 'function') {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let size = 0;
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text: text + decoder.decode() };
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        void reader.cancel().catch(() => undefined);
        return { problem: 'far too large' };
      }
      text += decoder.decode(value, { stream: true });
    }
  }
  const text: unknown = await response.text();
  if (typeof text !== 'string') return { problem: 'not text' };
  return text.length > MAX_BODY_BYTES ? { problem: 'far too large' } : { text };
}

/**
 * One POST, one answer. Never retries: a create or claim that may have reached
 * BOS must not be sent twice behind the cashier's back. Never follows a redirect.
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
  const exchange = (async (): Promise<Result<HttpAnswer, BosError>> => {
    // 'manual', not 'error': Node's fetch then hands back the 3xx itself, so the cashier is told
    // what happened; Electron's net.fetch rejects instead ("Redirect was cancelled"), caught below.
    const response: unknown = await options.fetch(options.url, { method: 'POST', headers, body: options.body, signal: controller.signal, redirect: 'manual' });
    progress.stage = 'body';
    const head = readHead(response);
    if (!head.ok) return err(unreadableError(head.error));
    if (head.value.redirect !== undefined) {
      discardBody(response);
      return err(redirectedError(head.value.redirect, options.refusedNote));
    }
    const body = await readBody(response as Response);
    if ('problem' in body) return err(unreadableError(body.problem, head.value.status));
    return ok({ status: head.value.status, contentType: head.value.contentType, text: body.text });
  })();
  // If the fetch implementation ignores the abort signal, the race still ends on time.
  exchange.catch(() => undefined);

  try {
    const outcome = await Promise.race([exchange, deadline]);
    if (outcome === TIMEOUT) return timedOut();
    return outcome;
  } catch (error) {
    if (controller.signal.aborted) return timedOut();
    return err(classifyFetchFailure(error, progress.stage === 'body', options.refusedNote));
  } finally {
    clearTimeout(timer);
  }
}

/** The JSON body of an answer, or the reason it cannot be read. */
export function readJson(answer: HttpAnswer): Result<unknown, BosError> {
  const unreadable = (why: string) => err(unreadableError(why, answer.status));
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
