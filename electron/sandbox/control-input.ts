import { err, ok, type Result } from '../contract/result';
import { DEFAULT_WEBHOOK_DELAY_MS, MAX_WEBHOOK_DELAY_MS, SANDBOX_FAULTS, WEBHOOK_FAULT_NAMES, type SandboxFault, type WebhookFault, type WebhookFaultName } from './faults';
import type { WebhookTarget } from './types';

export const MAX_LATENCY_MS = 60_000;
/** Ten years either way: further, and the times the sandbox writes stop being dates at all. */
export const MAX_CLOCK_OFFSET_MS = 10 * 365 * 24 * 60 * 60 * 1000;

export const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** A finite number, or a RangeError: NaN and Infinity are never figures. */
function finite(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of milliseconds`);
  return value;
}

export const clampLatency = (ms: unknown) => clamp(finite('latencyMs', ms), 0, MAX_LATENCY_MS);
export const clampClockOffset = (ms: unknown) => clamp(finite('clockOffsetMs', ms), -MAX_CLOCK_OFFSET_MS, MAX_CLOCK_OFFSET_MS);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownKeys(value: Record<string, unknown>, known: readonly string[]): string | null {
  const extra = Object.keys(value).filter((k) => !known.includes(k));
  return extra.length ? `unknown field(s): ${extra.slice(0, 5).join(', ')}` : null;
}

/** The webhook target from untrusted input: http(s) only, no credentials in the URL, known shape and encoding. */
export function parseWebhookTarget(value: unknown): Result<WebhookTarget, string> {
  if (!isRecord(value)) return err('webhookTarget must be an object or null');
  const extra = unknownKeys(value, ['url', 'shape', 'encoding', 'hmacSecret']);
  if (extra) return err(`webhookTarget: ${extra}`);
  const { url, shape = 'razorpay', encoding = 'json', hmacSecret } = value;
  if (typeof url !== 'string' || url.length > 2048) return err('webhookTarget.url must be a URL');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err('webhookTarget.url must be a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return err('webhookTarget.url must be http or https');
  if (parsed.username || parsed.password) return err('webhookTarget.url must not carry a user name or password');
  if (shape !== 'razorpay' && shape !== 'upiqr') return err('webhookTarget.shape must be "razorpay" or "upiqr"');
  if (encoding !== 'json' && encoding !== 'form') return err('webhookTarget.encoding must be "json" or "form"');
  if (hmacSecret !== undefined && (typeof hmacSecret !== 'string' || hmacSecret.length < 1 || hmacSecret.length > 256)) return err('webhookTarget.hmacSecret must be 1 to 256 characters');
  return ok({ url: parsed.href, shape, encoding, ...(hmacSecret !== undefined ? { hmacSecret } : {}) });
}

export interface NormalizedWebhookFault {
  fault: WebhookFaultName;
  delayMs: number;
}

export function parseWebhookFault(value: unknown): Result<NormalizedWebhookFault, string> {
  const given: WebhookFault | null = typeof value === 'string' ? (value as WebhookFaultName) : isRecord(value) ? (value as { fault: WebhookFaultName }) : null;
  const name = typeof given === 'string' ? given : given?.fault;
  if (!name || !WEBHOOK_FAULT_NAMES.includes(name)) return err(`nextWebhookFault must be one of ${WEBHOOK_FAULT_NAMES.join(', ')}`);
  if (isRecord(value)) {
    const extra = unknownKeys(value, ['fault', 'delayMs']);
    if (extra) return err(`nextWebhookFault: ${extra}`);
    if (value.delayMs !== undefined && (typeof value.delayMs !== 'number' || !Number.isFinite(value.delayMs))) return err('nextWebhookFault.delayMs must be a number');
  }
  const delayMs = isRecord(value) && typeof value.delayMs === 'number' ? value.delayMs : DEFAULT_WEBHOOK_DELAY_MS;
  return ok({ fault: name, delayMs: clamp(delayMs, 0, MAX_WEBHOOK_DELAY_MS) });
}

/** What one `POST /sandbox/control` asks for; absent fields stay as they are. */
export interface ControlChange {
  reset: boolean;
  latencyMs?: number;
  clockOffsetMs?: number;
  nextFault?: SandboxFault | null;
  webhookTarget?: WebhookTarget | null;
  nextWebhookFault?: NormalizedWebhookFault | null;
}

const CONTROL_FIELDS = ['reset', 'latencyMs', 'clockOffsetMs', 'nextFault', 'webhookTarget', 'nextWebhookFault'] as const;

/**
 * The control body from anyone on this PC: an object of known fields only, each checked;
 * figures clamped to their range. Nothing is applied unless all of it is valid.
 */
export function parseControl(value: unknown): Result<ControlChange, string> {
  if (!isRecord(value)) return err('the control body must be a JSON object');
  const extra = unknownKeys(value, CONTROL_FIELDS);
  if (extra) return err(extra);
  const change: ControlChange = { reset: false };
  if (value.reset !== undefined) {
    if (typeof value.reset !== 'boolean') return err('reset must be true or false');
    change.reset = value.reset;
  }
  try {
    if (value.latencyMs !== undefined) change.latencyMs = clampLatency(value.latencyMs);
    if (value.clockOffsetMs !== undefined) change.clockOffsetMs = clampClockOffset(value.clockOffsetMs);
  } catch (error) {
    return err((error as Error).message);
  }
  if (value.nextFault !== undefined) {
    if (value.nextFault !== null && !SANDBOX_FAULTS.includes(value.nextFault as SandboxFault)) return err(`nextFault must be null or one of ${SANDBOX_FAULTS.join(', ')}`);
    change.nextFault = value.nextFault as SandboxFault | null;
  }
  if (value.webhookTarget !== undefined) {
    if (value.webhookTarget === null) change.webhookTarget = null;
    else {
      const target = parseWebhookTarget(value.webhookTarget);
      if (!target.ok) return target;
      change.webhookTarget = target.value;
    }
  }
  if (value.nextWebhookFault !== undefined) {
    if (value.nextWebhookFault === null) change.nextWebhookFault = null;
    else {
      const fault = parseWebhookFault(value.nextWebhookFault);
      if (!fault.ok) return fault;
      change.nextWebhookFault = fault.value;
    }
  }
  return ok(change);
}
