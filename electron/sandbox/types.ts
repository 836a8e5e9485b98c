import type { Result } from '../contract/result';
import type { SandboxFault, WebhookFault } from './faults';
import type { ErrorLog } from '../http/safety';

export interface SandboxOptions {
  port?: number;
  host?: string;
  token?: string;
  registrationId?: string;
  latencyMs?: number;
  clockOffsetMs?: number;
  qrTtlMs?: number;
  now?: () => number;
  /** Where a request's or a timer's failure is told (default: nowhere; the server goes on either way). */
  log?: ErrorLog;
  /** Webhook redelivery: tries in all (default 5) and the first wait (default 1000 ms, doubling). Tests scale it down. */
  webhookRetry?: { attempts?: number; firstDelayMs?: number };
  /** How long one webhook delivery may take before it counts as failed (default 10 000 ms). */
  webhookTimeoutMs?: number;
}

export interface IssuedQr {
  id: string;
  txnRefranceID: string;
  intent: string;
  amount: string;
  createdDateTime: string;
  expireDateTime: string;
}

export interface ReceivedRequest {
  path: string;
  rawBody: string;
  authorization: string | null;
}

/** The customer pays a QR: by its id or its txnRefranceID; amount and payer VPA default to the QR's own and a demo VPA. */
export interface PayRequest {
  qrId?: string;
  txnRefranceID?: string;
  amountPaise?: number;
  payerVpa?: string;
}

export interface SandboxPayment {
  /** `pay_…`, as Razorpay names a payment. */
  id: string;
  qrId: string;
  txnRefranceID: string;
  amountPaise: number;
  /** The 12-digit UPI reference (RRN / UTR). */
  rrn: string;
  payerVpa: string;
  /** ISO 8601 in IST, by the sandbox's clock. */
  paidAt: string;
}

export interface PayError {
  code: 'invalid_input' | 'not_found' | 'already_paid' | 'expired';
  message: string;
}

/** Where and how the sandbox posts BOS's payment webhooks. */
export interface WebhookTarget {
  /** http(s) only; nothing else is ever posted to. */
  url: string;
  shape: 'razorpay' | 'upiqr';
  encoding: 'json' | 'form';
  /** When set, each delivery carries `X-Razorpay-Signature`: hex HMAC-SHA256 of the raw body. */
  hmacSecret?: string;
}

/** One delivery attempt, as the sandbox made it. */
export interface WebhookDelivery {
  url: string;
  paymentId: string;
  /** Razorpay's `X-Razorpay-Event-Id`: the same on every copy and retry of one event. */
  eventId: string;
  /** 1 for the webhook, 2 for the duplicate fault's second copy. */
  copy: number;
  /** 1 for the first try, then each redelivery. */
  attempt: number;
  /** The receiver's HTTP status, or null when the attempt failed before one (then `error` says why). */
  status: number | null;
  error: string | null;
  contentType: string;
  body: string;
  signature: string | null;
}

export interface SandboxControl {
  setLatency(ms: number): void;
  setNextFault(fault: SandboxFault | null): void;
  setClockOffset(ms: number): void;
  revealOtp(referenceId: string, ackNo: string): string | null;
  issuedQrs(): ReadonlyArray<IssuedQr>;
  requests(): ReadonlyArray<ReceivedRequest>;
  /** The customer pays a QR (never blocked by webhook delivery, which follows on its own). */
  pay(request: PayRequest): Result<SandboxPayment, PayError>;
  payments(): ReadonlyArray<SandboxPayment>;
  /** Throws on a target that is not http(s) or not well formed. */
  setWebhookTarget(target: WebhookTarget | null): void;
  /** Throws on an unknown fault. Applies to the next payment only. */
  setNextWebhookFault(fault: WebhookFault | null): void;
  webhookDeliveries(): ReadonlyArray<WebhookDelivery>;
  /** Settles when no webhook is being sent or waiting to be retried (one held for out_of_order aside). */
  webhooksIdle(): Promise<void>;
  reset(): void;
}

export interface SandboxServer {
  url: string;
  port: number;
  close(): Promise<void>;
  control: SandboxControl;
}
