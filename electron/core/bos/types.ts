export interface BosCredentials {
  registrationId: string;
  token?: string;
}

export interface BosClientOptions {
  /** e.g. https://api.bos.center, or the sandbox's http://127.0.0.1:PORT */
  baseUrl: string;
  credentials: () => Promise<BosCredentials>;
  /** Electron passes net.fetch; Node's global fetch otherwise. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

export interface DynamicQr {
  /** The UPI intent exactly as BOS sent it: this string, and only this, goes into the QR. */
  intent: string;
  qrId: string;
  txnRefranceID: string;
  amountPaise: number;
  payeeVpa: string;
  payeeName: string;
  /** As BOS stated them (ISO 8601 with offset); null when BOS gave none. */
  createdAt: string | null;
  expiresAt: string | null;
  /** ExpireDateTime − CreatedDateTime by BOS's own clock; the counter PC's clock plays no part. */
  ttlMs: number;
  /**
   * False when ttlMs is an estimate: five minutes (the documented life) when BOS gave
   * neither time, five minutes less 30 s when it gave only one.
   */
  expiryStated: boolean;
  /** Local monotonic-ish time (client's `now`) when the answer arrived; the countdown runs from here. */
  receivedAt: number;
}

export interface BosAck {
  responseCode: string;
  /** BOS's message, verbatim. */
  message: string;
  /** What it means, in plain words. */
  explanation: string;
}
