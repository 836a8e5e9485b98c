import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HubView, LatePaymentView, SaleView } from '../../electron/contract/views';
import type { JournalEvent } from '../../electron/contract/journal';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createJsonFileSettingsStore, createMemorySecretBox } from '../../electron/web/preview-stores';
import { journalEvents } from '../support/fault-matrix';

/**
 * Every webhook fault the sandbox can make, through the embedded hub to the counter: what the sale
 * becomes and what the journal holds. The status call is slowed right down, so only the hub's path confirms.
 */
let dataDir: string;
let services: PreviewServices;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-faults-'));
  services = await createPreviewServices({
    settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    secretBox: createMemorySecretBox(),
    dataDir,
    version: 'test',
    shell: 'web-preview',
    withEmbeddedHub: { hubDataDir: null },
    statusCallEveryMs: 600_000,
    sandboxOptions: { webhookRetry: { attempts: 4, firstDelayMs: 50 } },
  });
  await vi.waitFor(async () => {
    expect(((await services.handle('hub.status', undefined)) as { value: HubView }).value).toMatchObject({ state: 'connected' });
  }, { timeout: 30_000, interval: 100 });
}, 40_000);
afterAll(async () => {
  await services?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const sandbox = () => services.sandbox()!;
const sell = async (amountPaise: number) => ((await services.handle('sale.create', { amountPaise })) as { value: SaleView }).value;
const current = async () => ((await services.handle('sale.current', undefined)) as { value: SaleView | null }).value;
const of = (events: JournalEvent[], saleId: string, type: string) => events.filter((e) => e.type === type && e.data.saleId === saleId);
const settled = async (saleId: string) => vi.waitFor(async () => expect(of(await journalEvents(dataDir), saleId, 'sale.payment_confirmed')).toHaveLength(1), { timeout: 8_000, interval: 25 });

describe('webhook faults, end to end through the embedded hub', () => {
  it('delivered twice: the sale is paid once, one confirmation on record', async () => {
    const sale = await sell(11_000);
    sandbox().control.setNextWebhookFault('duplicate');
    await services.handle('sale.simulatePayment', { saleId: sale.saleId });
    await settled(sale.saleId);
    await sandbox().control.webhooksIdle();
    expect(sandbox().control.webhookDeliveries().filter((d) => d.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(of(await journalEvents(dataDir), sale.saleId, 'sale.payment_confirmed')).toHaveLength(1);
  });

  it('delayed by a second: still paid by itself when it comes', async () => {
    const sale = await sell(12_000);
    sandbox().control.setNextWebhookFault({ fault: 'delay', delayMs: 1_000 });
    await services.handle('sale.simulatePayment', { saleId: sale.saleId });
    expect(await current()).toMatchObject({ saleId: sale.saleId, state: 'showing' });
    await settled(sale.saleId);
  });

  it('form-encoded: read as well as JSON', async () => {
    const sale = await sell(13_000);
    sandbox().control.setNextWebhookFault('form');
    await services.handle('sale.simulatePayment', { saleId: sale.saleId });
    await settled(sale.saleId);
  });

  it('out of order: held until the next payment\'s webhook, then both sales end paid, each with its own UTR', async () => {
    const first = await sell(14_000);
    sandbox().control.setNextWebhookFault('out_of_order');
    await services.handle('sale.simulatePayment', { saleId: first.saleId });
    // The first webhook is held: the cashier moves on (marks it by hand? no: cancels it, as a slow one might).
    await services.handle('sale.cancel', { saleId: first.saleId });
    const second = await sell(15_000);
    await services.handle('sale.simulatePayment', { saleId: second.saleId });
    await settled(second.saleId);
    const late = ((await services.handle('payments.late', undefined)) as { value: LatePaymentView[] }).value;
    await vi.waitFor(async () => expect(((await services.handle('payments.late', undefined)) as { value: LatePaymentView[] }).value.some((l) => l.saleId === first.saleId)).toBe(true), { timeout: 8_000 });
    expect(late.every((l) => l.saleId !== second.saleId)).toBe(true);
    const payments = sandbox().control.payments();
    const events = await journalEvents(dataDir);
    expect(of(events, second.saleId, 'sale.payment_confirmed')[0]!.data.utr).toBe(payments.at(-1)!.rrn);
  });

  it('for a QR nobody issued: no sale of this counter is touched; the hub keeps it unmatched', async () => {
    const sale = await sell(16_000);
    sandbox().control.setNextWebhookFault('unknown_qr');
    await services.handle('sale.simulatePayment', { saleId: sale.saleId });
    await sandbox().control.webhooksIdle();
    expect(await current()).toMatchObject({ saleId: sale.saleId, state: 'showing', confirmedBy: null });
    // The unmatched list is the owner's: pair an owner terminal to read it.
    const hub = services.embedded()!.hub()!;
    const { code } = await hub.createPairingCode('owner', 'Owner laptop');
    const paired = (await (await fetch(`${hub.url}/v1/pair`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name: 'Owner laptop' }) })).json()) as { credential: string };
    const unmatched = (await (await fetch(`${hub.url}/v1/payments/unmatched`, { headers: { Authorization: `Bearer ${paired.credential}` } })).json()) as { payments: Array<{ qrId: string | null; amountPaise: number }> };
    const stray = sandbox().control.payments().at(-1)!;
    expect(unmatched.payments).toEqual(expect.arrayContaining([expect.objectContaining({ qrId: stray.qrId, amountPaise: 16_000 })]));
    expect(stray.qrId).not.toBe(sale.qr!.qrId);
    await services.handle('sale.cancel', { saleId: sale.saleId });
  });

  it('the hub answers 503 at first: the sandbox redelivers with backoff and the sale is paid once', async () => {
    const hub = services.embedded()!.hub()!;
    let refusals = 1;
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        if (refusals > 0) {
          refusals -= 1;
          res.writeHead(503).end();
          return;
        }
        const answer = await fetch(hub.webhookUrl, { method: 'POST', headers: { 'Content-Type': String(req.headers['content-type']) }, body: Buffer.concat(chunks) });
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      sandbox().control.setWebhookTarget({ url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`, shape: 'razorpay', encoding: 'json' });
      const sale = await sell(17_000);
      await services.handle('sale.simulatePayment', { saleId: sale.saleId });
      await settled(sale.saleId);
      await sandbox().control.webhooksIdle();
      const attempts = sandbox().control.webhookDeliveries().filter((d) => d.url.includes(String((proxy.address() as AddressInfo).port)));
      expect(attempts.map((d) => d.status)).toEqual([503, 200]);
    } finally {
      sandbox().control.setWebhookTarget({ url: hub.webhookUrl, shape: 'razorpay', encoding: 'json' });
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('the UPIQR_SUCCESS shape confirms as the Razorpay one does', async () => {
    const hub = services.embedded()!.hub()!;
    sandbox().control.setWebhookTarget({ url: hub.webhookUrl, shape: 'upiqr', encoding: 'json' });
    try {
      const sale = await sell(18_000);
      await services.handle('sale.simulatePayment', { saleId: sale.saleId });
      await settled(sale.saleId);
    } finally {
      sandbox().control.setWebhookTarget({ url: hub.webhookUrl, shape: 'razorpay', encoding: 'json' });
    }
  });
});
