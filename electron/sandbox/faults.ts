export type SandboxFault =
  | 'vpa_error_400'
  | 'unauthorized_401'
  | 'html_500'
  | 'html_502'
  | 'empty_502'
  | 'empty_200'
  | 'truncated_json'
  | 'status_error_200'
  | 'hang'
  | 'reset'
  | 'wrong_amount'
  | 'wrong_currency'
  | 'not_upi_pay'
  | 'wrong_content_type';

export const SANDBOX_FAULTS: readonly SandboxFault[] = [
  'vpa_error_400', 'unauthorized_401', 'html_500', 'html_502', 'empty_502', 'empty_200', 'truncated_json',
  'status_error_200', 'hang', 'reset', 'wrong_amount', 'wrong_currency', 'not_upi_pay', 'wrong_content_type',
];

/** Amounts (in paise) that make the Dynamic QR call misbehave. All ₹1.xx so no real training sale hits one. */
export const MAGIC_AMOUNTS: ReadonlyArray<{ paise: number; fault: SandboxFault; what: string }> = [
  { paise: 104, fault: 'vpa_error_400', what: 'HTTP 400 "VPA does not exist for the account provided"' },
  { paise: 141, fault: 'unauthorized_401', what: 'HTTP 401 "Authentication failed"' },
  { paise: 150, fault: 'html_500', what: 'HTTP 500 with an HTML page' },
  { paise: 152, fault: 'html_502', what: 'HTTP 502 with an HTML page' },
  { paise: 153, fault: 'empty_502', what: 'HTTP 502 with an empty body' },
  { paise: 120, fault: 'empty_200', what: 'HTTP 200 with an empty body' },
  { paise: 126, fault: 'truncated_json', what: 'HTTP 200 with JSON cut off half way' },
  { paise: 127, fault: 'status_error_200', what: 'HTTP 200 with status "ERROR"' },
  { paise: 130, fault: 'wrong_content_type', what: 'HTTP 200, the success JSON sent as text/html' },
  { paise: 177, fault: 'wrong_amount', what: 'a QR whose intent is for ₹1 more' },
  { paise: 178, fault: 'wrong_currency', what: 'a QR whose intent is in USD' },
  { paise: 179, fault: 'not_upi_pay', what: 'a QR whose intent is not upi://pay' },
  { paise: 198, fault: 'reset', what: 'the connection is cut mid-answer' },
  { paise: 199, fault: 'hang', what: 'never answers (the client times out)' },
];

export const faultForAmount = (paise: number | null): SandboxFault | null =>
  MAGIC_AMOUNTS.find((m) => m.paise === paise)?.fault ?? null;

/** What can go wrong with the webhook of the next payment (`control.setNextWebhookFault`). */
export type WebhookFaultName = 'duplicate' | 'delay' | 'out_of_order' | 'other_amount' | 'unknown_qr' | 'form';

/** A fault by name, or with its figure: `{ fault: 'delay', delayMs: 2000 }`. */
export type WebhookFault = WebhookFaultName | { fault: WebhookFaultName; delayMs?: number };

export const DEFAULT_WEBHOOK_DELAY_MS = 3000;
export const MAX_WEBHOOK_DELAY_MS = 60_000;

export const WEBHOOK_FAULTS: ReadonlyArray<{ fault: WebhookFaultName; what: string }> = [
  { fault: 'duplicate', what: 'the webhook is delivered twice (same body, same event id)' },
  { fault: 'delay', what: `the webhook waits delayMs (default ${DEFAULT_WEBHOOK_DELAY_MS} ms, at most ${MAX_WEBHOOK_DELAY_MS}) before it is sent` },
  { fault: 'out_of_order', what: 'the webhook is held until the next payment\'s webhook has been sent, then sent after it' },
  { fault: 'other_amount', what: 'the webhook reports ₹1 less than was paid (₹1 more for a ₹1 payment)' },
  { fault: 'unknown_qr', what: 'the payment is for a QR nobody issued (the id given if unknown, else a made-up one); no issued QR counts as paid' },
  { fault: 'form', what: 'the webhook is form-encoded this once (the JSON in a `payload` field)' },
];

export const WEBHOOK_FAULT_NAMES: readonly WebhookFaultName[] = WEBHOOK_FAULTS.map((f) => f.fault);
