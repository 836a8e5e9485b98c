import type { EmbeddedHub } from '../core/hub-link';
import { startHub, type RunningHub } from '../hub';
import { startSandbox, type SandboxOptions, type SandboxServer } from '../sandbox';

export interface EmbeddedOptions {
  /** Where the embedded hub keeps its PGlite database; null: in memory (tests). */
  hubDataDir: string | null;
  sandboxOptions?: SandboxOptions;
}

export interface Embedded {
  /** Starts the BOS sandbox; once the embedded hub is up, the sandbox's webhooks go to it. */
  startSandbox: () => Promise<SandboxServer>;
  /** Starts the in-process hub on first use (a fresh PGlite takes seconds), then hands out its address and pairing codes. */
  embeddedHub: () => Promise<EmbeddedHub>;
  /** The running hub, if it was started (tests read its webhook URL). */
  hub: () => RunningHub | null;
  close(): Promise<void>;
}

/**
 * The embedded default the shells (Electron main and the browser preview) run: the BOS sandbox and
 * an in-process shop hub on loopback, wired so that a simulated customer payment travels the real
 * path (sandbox webhook → hub → the counter's stream → sale paid). Core never imports either.
 */
export function createEmbedded(options: EmbeddedOptions): Embedded {
  const sandboxes = new Set<SandboxServer>();
  let hub: RunningHub | null = null;
  let starting: Promise<RunningHub> | null = null;
  let closed = false;

  const wire = (sandbox: SandboxServer) => {
    if (hub) sandbox.control.setWebhookTarget({ url: hub.webhookUrl, shape: 'razorpay', encoding: 'json' });
  };

  async function ensureHub(): Promise<RunningHub> {
    starting ??= startHub({ host: '127.0.0.1', port: 0, dataDir: options.hubDataDir, shopName: 'This shop (training)', log: false }).then((running) => {
      if (closed) {
        void running.close();
        throw new Error('closed');
      }
      hub = running;
      for (const sandbox of sandboxes) wire(sandbox);
      return running;
    });
    starting.catch(() => (starting = null));
    return starting;
  }

  return {
    async startSandbox() {
      const sandbox = await startSandbox(options.sandboxOptions);
      const close = sandbox.close.bind(sandbox);
      sandbox.close = async () => {
        sandboxes.delete(sandbox);
        await close();
      };
      sandboxes.add(sandbox);
      wire(sandbox);
      return sandbox;
    },
    async embeddedHub() {
      const running = await ensureHub();
      return { url: running.url, pairingCode: async () => (await running.createPairingCode('counter', 'This counter')).code };
    },
    hub: () => hub,
    async close() {
      closed = true;
      const running = hub ?? (starting ? await starting.catch(() => null) : null);
      hub = null;
      await running?.close();
    },
  };
}
