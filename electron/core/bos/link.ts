import { createBosClient, type BosClient, type BosQrStatusClient } from './client';

/** The settings that say which BOS the calls go to, and as which merchant. */
export interface BosAccountSettings {
  environment: 'sandbox' | 'live';
  liveBaseUrl: string;
  registrationId: string;
}

/**
 * What core needs of the embedded BOS sandbox. The shells (main, the preview) start the real
 * one (electron/sandbox) and hand it in: core never imports it.
 */
export interface SandboxLink {
  url: string;
  control: {
    revealOtp(referenceId: string, ackNo: string): string | null;
    /** Training: the customer pays this QR (BOS's webhook then goes to the hub the shell wired up). */
    pay(input: { qrId: string; amountPaise?: number }): { ok: true } | { ok: false; error: { message: string } };
  };
  close(): Promise<void>;
}

export interface BosLinkOptions<S extends SandboxLink> {
  settings: () => BosAccountSettings;
  token: () => string | null;
  startSandbox: () => Promise<S>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now: () => number;
  /** Browser preview only: run Live against this URL (may be http on loopback, for stub servers). */
  liveBaseUrlOverride?: string;
}

/** The registration id the sandbox is asked with: no real account behind it. */
const SANDBOX_REGISTRATION_ID = 'SANDBOX-COUNTER';

/** Where BOS calls go now: the embedded sandbox or the live address, with the owner's credentials for Live. */
export class BosLink<S extends SandboxLink = SandboxLink> {
  private running: S | null = null;
  private current: (BosClient & BosQrStatusClient) | null = null;

  constructor(private readonly options: BosLinkOptions<S>) {}

  client(): BosClient & BosQrStatusClient {
    if (!this.current) throw new Error('BosLink used before connect()');
    return this.current;
  }

  /** The embedded sandbox while the environment is sandbox, else null. */
  sandbox(): S | null {
    return this.running;
  }

  isSandbox(): boolean {
    return this.options.settings().environment === 'sandbox';
  }

  liveBaseUrl(): string {
    return this.options.liveBaseUrlOverride ?? this.options.settings().liveBaseUrl;
  }

  /** Which BOS account QRs come from now: the sandbox, or the live address and registration id. */
  account(): string {
    return this.isSandbox() ? 'sandbox' : `${this.liveBaseUrl()}#${this.options.settings().registrationId}`;
  }

  /** Shown to the owner: never carries credentials. */
  host(): string {
    return this.isSandbox() ? 'embedded sandbox' : new URL(this.liveBaseUrl()).host;
  }

  /** (Re)builds the client for the environment in settings: starts the sandbox for Sandbox, stops it for Live. */
  async connect(): Promise<void> {
    const live = !this.isSandbox();
    if (!live) {
      this.running ??= await this.options.startSandbox();
    } else if (this.running) {
      await this.running.close();
      this.running = null;
    }
    const sandboxUrl = this.running?.url;
    this.current = createBosClient({
      baseUrl: live ? this.liveBaseUrl() : sandboxUrl!,
      credentials: async () => {
        if (!live) return { registrationId: SANDBOX_REGISTRATION_ID };
        const token = this.options.token();
        return { registrationId: this.options.settings().registrationId, ...(token ? { token } : {}) };
      },
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      now: this.options.now,
    });
  }

  async close(): Promise<void> {
    await this.running?.close();
    this.running = null;
  }
}
