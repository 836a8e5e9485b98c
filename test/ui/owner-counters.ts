// The shop's other counters for the owner's UI tests: real counter services, paired with a real hub
// as counters, whose journals reach it through their own senders.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalBatch, SaleStateTotals } from '../../electron/contract/hub';
import type { PosResult } from '../../electron/contract/errors';
import type { SaleView } from '../../electron/contract/views';
import { createFileJournal } from '../../electron/core/journal/append';
import type { RunningHub } from '../../electron/hub';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createJsonFileSettingsStore, createMemorySecretBox } from '../../electron/web/preview-stores';

const DAY_MS = 86_400_000;

export interface ShopCounter {
  name: string;
  terminalId: string;
  services: PreviewServices;
  /** The counter's journal clock, whole days off today's (-1: the sales it rings up now are yesterday's). */
  setDayOffset(days: number): void;
  /** Rings up a sale and ends it as asked: paid by hand, cancelled, or cancelled and then paid after all. */
  sell(amountPaise: number, end?: 'paid' | 'cancelled' | 'paid_late'): Promise<SaleView>;
  /** Posts a batch of its own as the counter, with the day totals it claims (for the reconciliation line). */
  report(day: string, sales: SaleStateTotals): Promise<void>;
  /** Posts to the hub as this counter (its credential), whatever its own services would send. */
  post(path: string, body: unknown): Promise<Response>;
  dispose(): Promise<void>;
}

function value<T>(result: PosResult<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export async function startCounter(hub: RunningHub, name: string): Promise<ShopCounter> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-shop-'));
  const hubSecrets = createMemorySecretBox();
  let offsetMs = 0;
  const services = await createPreviewServices({
    settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    secretBox: createMemorySecretBox(),
    hubSecretBox: hubSecrets,
    dataDir,
    version: 'test',
    shell: 'web-preview',
    statusCallEveryMs: 600_000,
    journal: createFileJournal({ dir: join(dataDir, 'journal'), terminal: () => name, now: () => new Date(Date.now() + offsetMs) }),
  });
  value(await services.handle('owner.setPin', { pin: '2468' }), 'owner PIN');
  value(await services.handle('settings.update', { terminalName: name }), 'terminal name');
  value(await services.pairHub(hub.url, (await hub.createPairingCode('counter', name)).code), `pairing ${name}`);
  const stored = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { hub: { terminalId: string } };
  const handle = <T>(op: string, input: unknown) => services.handle(op, input).then((r) => value<T>(r, `${name} ${op}`));
  const post = async (path: string, body: unknown) => {
    const credential = await hubSecrets.load();
    return fetch(`${hub.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  };

  return {
    name,
    terminalId: stored.hub.terminalId,
    services,
    setDayOffset: (days) => (offsetMs = days * DAY_MS),
    async sell(amountPaise, end = 'paid') {
      const sale = await handle<SaleView>('sale.create', { amountPaise });
      if (end === 'paid') return handle<SaleView>('sale.markPaid', { saleId: sale.saleId, overrides: ['not_confirmed'] });
      const cancelled = await handle<SaleView>('sale.cancel', { saleId: sale.saleId });
      if (end === 'cancelled') return cancelled;
      return handle<SaleView>('sale.markPaidLate', { saleId: sale.saleId, overrides: ['not_confirmed'] });
    },
    async report(day, sales) {
      const batch: JournalBatch = { events: [], reported: [{ day, sales }] };
      const res = await post('/v1/journal', batch);
      if (!res.ok) throw new Error(`the hub refused ${name}'s report: ${res.status} ${await res.text()}`);
    },
    post,
    async dispose() {
      await services.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function stateTotals(partial: Partial<SaleStateTotals>): SaleStateTotals {
  const zero = { count: 0, paise: 0 };
  return { creating: zero, showing: zero, paid: zero, cancelled: zero, expired: zero, failed: zero, ...partial };
}
