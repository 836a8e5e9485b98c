import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inputSchemas } from '../../electron/contract/schemas';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createMemorySecretBox, createMemorySettingsStore } from '../../electron/web/preview-stores';

const SECRET = 'tok_live_abcdefghijklmnop_9876';
let dataDir: string;
let services: PreviewServices;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'counter-services-'));
  services = await createPreviewServices({
    settingsStore: createMemorySettingsStore({ registrationId: 'BOS-554' }),
    secretBox: createMemorySecretBox(SECRET),
    dataDir,
    version: 'test',
    shell: 'web-preview',
  });
  // Settings and refund claims are the owner's; owner-only refusals are tested in owner.test.ts.
  await services.handle('owner.setPin', { pin: '2468' });
});
afterEach(async () => {
  await services.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('services on the embedded sandbox', () => {
  it('starts in Sandbox and sells: QR shown, marked paid, journaled to disk', async () => {
    expect(await services.handle('app.info', undefined)).toMatchObject({ ok: true, value: { environment: 'sandbox', sandbox: true } });
    const created = await services.handle('sale.create', { amountPaise: 125_000 });
    expect(created).toMatchObject({ ok: true, value: { state: 'showing', amountPaise: 125_000, qr: { payeeVpa: 'counter.demo@sandbox', ttlMs: 300_000 } } });
    const saleId = (created as { value: { saleId: string } }).value.saleId;
    expect(await services.handle('sale.markPaid', { saleId, utr: '123456789012' })).toMatchObject({ ok: true, value: { state: 'paid', utr: '123456789012' } });
    const files = readdirSync(join(dataDir, 'journal'));
    const lines = readFileSync(join(dataDir, 'journal', files[0]!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines.map((l) => l.type).filter((t) => t.startsWith('sale.'))).toEqual(['sale.requested', 'sale.qr_issued', 'sale.paid']);
  });

  it('refunds by OTP with the sandbox OTP, and never journals the OTP', async () => {
    const ids = { referenceId: '12345678926', ackNo: '127' };
    expect(await services.handle('refund.requestOtp', ids)).toMatchObject({ ok: true, value: { responseCode: '1' } });
    const otp = await services.handle('refund.sandboxOtp', ids);
    expect(otp).toMatchObject({ ok: true, value: { otp: expect.stringMatching(/^\d{6}$/) } });
    const code = (otp as { value: { otp: string } }).value.otp;
    expect(await services.handle('refund.claim', { ...ids, otp: code })).toMatchObject({ ok: true });
    const journal = readdirSync(join(dataDir, 'journal')).map((f) => readFileSync(join(dataDir, 'journal', f), 'utf8')).join('');
    expect(journal).toContain('refund.claimed');
    expect(journal).not.toContain(code);
  });

  it('refuses unknown operations and hostile input with a typed error, never a throw', async () => {
    const hostile: unknown[] = [
      undefined, null, 42, 'x'.repeat(100_000), Number.NaN, [], { amountPaise: Number.NaN }, { amountPaise: '1000' },
      { amountPaise: 1000, extra: 1 }, JSON.parse('{"__proto__":{"polluted":true},"amountPaise":1000}'),
      { constructor: { prototype: { polluted: true } } }, { saleId: '../../etc/passwd' }, { referenceId: 'DROP TABLE', ackNo: '1' },
      { referenceId: { $gt: '' }, ackNo: '1' }, { otp: '1'.repeat(10_000) }, { token: 'x' },
    ];
    for (const op of [...Object.keys(inputSchemas), '__proto__', 'constructor', 'toString', 'sale.create ', '']) {
      for (const input of hostile) {
        const result = await services.handle(op, input);
        if (result.ok) continue;
        expect(['invalid_input', 'not_found', 'not_allowed', 'busy', 'owner_required', 'hub_unavailable']).toContain(result.error.code);
        expect(result.error.message).toMatch(/^[A-Z]/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never returns the token: settings show only configured and the last four', async () => {
    const settings = await services.handle('settings.get', undefined);
    expect(settings).toMatchObject({ ok: true, value: { tokenConfigured: true, tokenLast4: '9876', registrationIdHint: 'BOS-••4' } });
    const everything = JSON.stringify(await Promise.all(Object.keys(inputSchemas).map((op) => services.handle(op, undefined))));
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('abcdefghijklmnop');
  });

  it('keeps one sale at a time', async () => {
    const first = await services.handle('sale.create', { amountPaise: 1000 });
    expect(first.ok).toBe(true);
    expect(await services.handle('sale.create', { amountPaise: 1000 })).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(await services.handle('settings.update', { environment: 'live' })).toMatchObject({ ok: false, error: { code: 'busy' } });
  });
});

describe('a restart with a sale left open', () => {
  it('reopens it as unresolved, blocks new sales until a person answers, and records the answer', async () => {
    const created = await services.handle('sale.create', { amountPaise: 4_200 });
    const saleId = (created as { value: { saleId: string } }).value.saleId;
    await services.dispose();
    const reopened = await createPreviewServices({ settingsStore: createMemorySettingsStore(), secretBox: createMemorySecretBox(), dataDir, version: 'test', shell: 'web-preview' });
    try {
      expect(await reopened.handle('sale.current', undefined)).toMatchObject({ ok: true, value: { saleId, state: 'unresolved', amountPaise: 4_200, qr: null } });
      expect(await reopened.handle('sale.create', { amountPaise: 100 })).toMatchObject({ ok: false, error: { code: 'busy' } });
      expect(await reopened.handle('sale.markPaid', { saleId })).toMatchObject({ ok: true, value: { state: 'paid' } });
      expect(await reopened.handle('sale.current', undefined)).toMatchObject({ ok: true, value: null });
      expect((await reopened.handle('sale.create', { amountPaise: 100 })).ok).toBe(true);
      const lines = readdirSync(join(dataDir, 'journal')).flatMap((f) => readFileSync(join(dataDir, 'journal', f), 'utf8').trim().split('\n'));
      expect(lines.map((l) => JSON.parse(l) as { type: string; data: Record<string, unknown> }).find((e) => e.type === 'sale.paid')?.data).toMatchObject({ saleId, afterRestart: true });
    } finally {
      await reopened.dispose();
    }
    services = await createPreviewServices({ settingsStore: createMemorySettingsStore(), secretBox: createMemorySecretBox(), dataDir, version: 'test', shell: 'web-preview' });
  });
});

describe('the sandbox customer pays', () => {
  it('with no hub, BOS\'s status call confirms the payment: the sale turns paid by itself, with the UTR', async () => {
    const created = (await services.handle('sale.create', { amountPaise: 25_000 })) as { ok: true; value: { saleId: string } };
    expect(await services.handle('sale.simulatePayment', { saleId: created.value.saleId })).toMatchObject({ ok: true });
    const payment = services.sandbox()!.control.payments()[0]!;
    await vi.waitFor(async () => {
      expect(await services.handle('sale.current', undefined)).toEqual({ ok: true, value: null });
    }, { timeout: 10_000, interval: 200 });
    const day = (await services.handle('history.day', { day: new Date().toLocaleDateString('en-CA') })) as { value: { rows: Array<{ id: string; state: string; utr: string | null }> } };
    expect(day.value.rows.find((r) => r.id === created.value.saleId)).toMatchObject({ state: 'paid', utr: payment.rrn });
  });

  it('Simulate customer payment is for the QR on screen only, and only on the sandbox', async () => {
    expect(await services.handle('sale.simulatePayment', { saleId: 's_nothing_here' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
