import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createJsonFileSettingsStore, createMemorySecretBox } from '../../electron/web/preview-stores';

/** A stub BOS whose QRs pay whoever `payee` says at the time. */
let payee = { vpa: 'shop@okaxis', name: 'Sharma Stores' };
let stub: Server;
let dataDir: string;
let services: PreviewServices;
let count = 0;

function qrAnswer(amount: string) {
  count += 1;
  const intent = `upi://pay?ver=01&mode=22&pa=${payee.vpa}&pn=${encodeURIComponent(payee.name)}&tr=TR${count}&cu=INR&mc=8299&am=${amount}`;
  return { id: `qr_${count}`, txnRefranceID: `REF${count}`, entity: 'qr_code', CreatedDateTime: '2026-12-01T10:00:00+05:30', ExpireDateTime: '2026-12-01T10:05:00+05:30', UPIIntend: intent, PaymentAmount: Number(amount), status: 'active', Status: 'True', message: 'QR Code Generated', Value: '' };
}

beforeEach(async () => {
  payee = { vpa: 'shop@okaxis', name: 'Sharma Stores' };
  stub = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(qrAnswer((JSON.parse(body) as { amount: string }).amount))));
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  dataDir = mkdtempSync(join(tmpdir(), 'counter-payee-'));
  services = await createPreviewServices({
    settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    secretBox: createMemorySecretBox(),
    dataDir,
    version: 'test',
    shell: 'web-preview',
    liveBaseUrlOverride: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`,
  });
  await services.handle('owner.setPin', { pin: '2468' });
  await services.handle('settings.update', { environment: 'live', registrationId: 'BOS-554' });
});
afterEach(async () => {
  await services.dispose();
  await new Promise((resolve) => stub.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

async function sell(): Promise<{ ok: boolean; value?: { saleId: string; qr: unknown }; error?: { code: string; message: string } }> {
  const result = (await services.handle('sale.create', { amountPaise: 25_000 })) as { ok: boolean; value?: { saleId: string; qr: unknown }; error?: { code: string; message: string } };
  if (result.ok) await services.handle('sale.cancel', { saleId: result.value!.saleId });
  return result;
}

describe('the payee is pinned per BOS account', () => {
  it('the first QR pins its payee; a QR for another payee is refused until the owner accepts it, seeing both', async () => {
    expect(await sell()).toMatchObject({ ok: true });
    expect(await services.handle('settings.get', undefined)).toMatchObject({ ok: true, value: { payee: { pinned: { vpa: 'shop@okaxis', name: 'Sharma Stores' }, offered: null } } });

    payee = { vpa: 'attacker@ybl', name: 'Quick Cash' };
    const refused = await sell();
    expect(refused).toMatchObject({ ok: false, error: { code: 'payee_changed', message: expect.stringContaining('Quick Cash (attacker@ybl), not Sharma Stores (shop@okaxis)') } });
    expect(await services.handle('sale.current', undefined)).toEqual({ ok: true, value: null });
    expect(await services.handle('settings.get', undefined)).toMatchObject({ ok: true, value: { payee: { pinned: { vpa: 'shop@okaxis' }, offered: { vpa: 'attacker@ybl', name: 'Quick Cash' } } } });

    await services.handle('owner.lock', undefined);
    expect(await services.handle('settings.acceptPayee', { vpa: 'attacker@ybl' })).toMatchObject({ ok: false, error: { code: 'owner_required' } });
    expect(await sell()).toMatchObject({ ok: false, error: { code: 'payee_changed' } });

    await services.handle('owner.unlock', { pin: '2468' });
    expect(await services.handle('settings.acceptPayee', { vpa: 'someone.else@ybl' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await services.handle('settings.acceptPayee', { vpa: 'attacker@ybl' })).toMatchObject({ ok: true, value: { payee: { pinned: { vpa: 'attacker@ybl', name: 'Quick Cash' }, offered: null } } });
    expect(await sell()).toMatchObject({ ok: true, value: { qr: { payeeVpa: 'attacker@ybl' } } });
  });

  it('a pin survives a restart, and the payee with another case in its VPA is the same payee', async () => {
    await sell();
    await services.dispose();
    services = await createPreviewServices({
      settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
      secretBox: createMemorySecretBox(),
      dataDir,
      version: 'test',
      shell: 'web-preview',
      liveBaseUrlOverride: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`,
    });
    payee = { vpa: 'SHOP@okaxis', name: 'Sharma Stores' };
    expect(await sell()).toMatchObject({ ok: true });
    payee = { vpa: 'shop@okaxis', name: 'Verma Stores' };
    expect(await sell()).toMatchObject({ ok: false, error: { code: 'payee_changed' } });
  });
});
