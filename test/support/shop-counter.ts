// A Counter for the whole-shop tests: the preview's composition (its own data dir and sandbox BOS in
// process), a terminal name, quick hub retries, and the few moves a cashier makes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { HubView, HistoryView, SaleView } from '../../electron/contract/views';
import type { SecretBox } from '../../electron/core/settings';
import type { SandboxOptions } from '../../electron/sandbox';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createMemorySecretBox, createMemorySettingsStore } from '../../electron/web/preview-stores';

export interface ShopCounter {
  name: string;
  services: PreviewServices;
  dataDir: string;
  journalDir: string;
  /** The hub credential this Counter keeps (a test shows it to the read API). */
  credential(): Promise<string | null>;
  /** Its terminal id at the hub, once paired. */
  terminalId(): string | null;
  pair(url: string, code: string): Promise<HubView>;
  hub(): Promise<HubView>;
  /** A sale rung up: its QR is on screen. */
  ring(amountPaise: number): Promise<SaleView>;
  markPaid(saleId: string): Promise<SaleView>;
  cancel(saleId: string): Promise<SaleView>;
  /** The sale's next change to `state` (BOS's payment through the hub, the QR's expiry). */
  becomes(saleId: string, state: SaleView['state'], timeoutMs?: number): Promise<SaleView>;
  history(day: string): Promise<HistoryView>;
  /** Stops and starts again on the same data dir, settings and hub credential (a quit and relaunch); `meanwhile` runs while it is stopped. */
  restart(meanwhile?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export const valueOf = <T>(result: PosResult<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

export async function openCounter(name: string, o: { sandboxOptions?: SandboxOptions; fetch?: typeof fetch } = {}): Promise<ShopCounter> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-shop-'));
  const settingsStore = createMemorySettingsStore({ terminalName: name });
  const hubSecretBox = createMemorySecretBox();
  const counter: ShopCounter = {
    ...(await startCounter(name, dataDir, settingsStore, hubSecretBox, o)),
    async restart(meanwhile) {
      await counter.services.dispose();
      await meanwhile?.();
      Object.assign(counter, await startCounter(name, dataDir, settingsStore, hubSecretBox, o));
    },
    async close() {
      await counter.services.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return counter;
}

type Started = Omit<ShopCounter, 'restart' | 'close'>;

async function startCounter(name: string, dataDir: string, settingsStore: ReturnType<typeof createMemorySettingsStore>, hubSecretBox: SecretBox, o: { sandboxOptions?: SandboxOptions; fetch?: typeof fetch }): Promise<Started> {
  const services = await createPreviewServices({
    settingsStore,
    secretBox: createMemorySecretBox(),
    hubSecretBox,
    dataDir,
    version: 'test',
    shell: 'web-preview',
    hubBackoff: { firstMs: 50, factor: 2, maxMs: 250 },
    // Only the hub's path confirms a payment here: the sandbox's status call is slowed right down.
    statusCallEveryMs: 600_000,
    ...(o.sandboxOptions ? { sandboxOptions: o.sandboxOptions } : {}),
    ...(o.fetch ? { fetch: o.fetch } : {}),
  });
  const changes: SaleView[] = [];
  const waiters = new Set<() => void>();
  services.subscribe((event, payload) => {
    if (event !== 'sale.changed' || !payload) return;
    changes.push(payload as SaleView);
    for (const w of [...waiters]) w();
  });
  const handle = async <T>(op: string, input: unknown) => valueOf<T>(await services.handle(op, input));
  const hub = () => handle<HubView>('hub.status', undefined);
  return {
    name,
    services,
    dataDir,
    journalDir: join(dataDir, 'journal'),
    credential: () => hubSecretBox.load(),
    terminalId: () => settingsStore.saved?.hub?.terminalId ?? null,
    async pair(url, code) {
      const paired = valueOf<HubView>(await services.pairHub(url, code));
      await vi.waitFor(async () => expect(await hub()).toMatchObject({ state: 'connected' }), { timeout: 10_000, interval: 20 });
      return paired;
    },
    hub,
    ring: (amountPaise) => handle<SaleView>('sale.create', { amountPaise }),
    markPaid: (saleId) => handle<SaleView>('sale.markPaid', { saleId, overrides: ['not_confirmed'] }),
    cancel: (saleId) => handle<SaleView>('sale.cancel', { saleId }),
    becomes: (saleId, state, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const from = changes.length;
        const check = () => {
          const seen = changes.slice(from).find((c) => c.saleId === saleId && c.state === state);
          if (!seen) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(seen);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${name}: sale ${saleId} did not become ${state} (last: ${changes.filter((c) => c.saleId === saleId).at(-1)?.state ?? 'none'})`));
        }, timeoutMs);
        waiters.add(check);
      }),
    history: (day) => handle<HistoryView>('history.day', { day }),
  };
}
