import { z } from 'zod';
import { HUB_ROUTES, type ExpectationRequest, type MeAnswer, type PairAnswer } from '../../contract/hub';
import { err, ok, type Result } from '../../contract/result';

export interface HubFailure {
  /** unauthorized: the credential (or code) was refused; rate_limited: wait `retryAfterMs`; unreachable: network or timeout; bad_answer: not the hub's protocol. */
  kind: 'unauthorized' | 'rate_limited' | 'unreachable' | 'refused' | 'bad_answer';
  message: string;
  status?: number;
  retryAfterMs?: number;
}

const TIMEOUT_MS = 10_000;

const pairAnswer = z.object({
  terminalId: z.string().min(1).max(200),
  credential: z.string().min(16).max(1000),
  role: z.enum(['counter', 'owner']),
  shop: z.object({ id: z.string().max(200), name: z.string().max(200) }),
});
const meAnswer = pairAnswer.omit({ credential: true }).extend({ name: z.string().max(200) });
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** The hub's plain calls (pairing, who am I, expectations). Never follows redirects; never throws. */
export class HubClient {
  constructor(
    private readonly fetchImpl: typeof fetch,
    readonly baseUrl: string,
  ) {}

  pair(code: string, name: string): Promise<Result<PairAnswer, HubFailure>> {
    return this.call('POST', HUB_ROUTES.pair, null, { code, name }, (v) => pairAnswer.parse(v));
  }

  me(credential: string): Promise<Result<MeAnswer, HubFailure>> {
    return this.call('GET', HUB_ROUTES.me, credential, undefined, (v) => meAnswer.parse(v));
  }

  expect(credential: string, expectation: ExpectationRequest): Promise<Result<unknown, HubFailure>> {
    return this.call('POST', HUB_ROUTES.expectations, credential, expectation, (v) => v);
  }

  async call<T>(method: string, path: string, credential: string | null, body: unknown, read: (value: unknown) => T): Promise<Result<T, HubFailure>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (credential) headers.Authorization = `Bearer ${credential}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, { method, headers, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      return err({ kind: 'unreachable', message: 'Cannot reach the shop hub. Check the address and the network.' });
    }
    let value: unknown = null;
    try {
      value = await response.json();
    } catch {
      // An answer that is not JSON is not the hub's.
    }
    if (response.ok) {
      try {
        return ok(read(value));
      } catch {
        return err({ kind: 'bad_answer', message: 'That address answered, but not like a Counter hub. Check the address.', status: response.status });
      }
    }
    return err(failureOf(response, value));
  }
}

export function failureOf(response: Pick<Response, 'status' | 'headers'>, body: unknown): HubFailure {
  const said = errorBody.safeParse(body);
  const message = said.success ? said.data.error.message : `The shop hub answered HTTP ${response.status}.`;
  const status = response.status;
  if (status === 401 || status === 403) return { kind: 'unauthorized', message, status };
  if (status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'rate_limited', message, status, retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) * 1000 : 30_000 };
  }
  if (status >= 500) return { kind: 'unreachable', message, status };
  return { kind: 'refused', message, status };
}
