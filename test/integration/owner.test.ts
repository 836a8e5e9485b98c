import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDay } from '../../electron/contract/days';
import { createPreviewServices, type PreviewServices, type PreviewServicesDeps } from '../../electron/web/compose';
import { createJsonFileSettingsStore, createMemorySecretBox } from '../../electron/web/preview-stores';

let dataDir: string;
let services: PreviewServices;
const today = localDay(new Date());

async function start(extra: Partial<PreviewServicesDeps> = {}) {
  services = await createPreviewServices({
    settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    secretBox: createMemorySecretBox(),
    dataDir,
    version: 'test',
    shell: 'web-preview',
    ...extra,
  });
}
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'counter-owner-'));
});
afterEach(async () => {
  await services.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const ownerOnly = [
  ['settings.update', { terminalName: 'Till 2' }],
  ['settings.update', { environment: 'live' }],
  ['refund.claim', { referenceId: '12345678926', ackNo: '127', otp: '123456' }],
  ['history.export', { fromDay: today, toDay: today }],
] as const;

describe('owner PIN through the services', () => {
  it('staff sell and ask for refund OTPs without it; settings, claims, exports and Live need it', async () => {
    await start();
    for (const [op, input] of ownerOnly) {
      expect(await services.handle(op, input)).toEqual({ ok: false, error: { code: 'not_set_up', message: 'The owner has not set up this counter yet: this needs the owner.' } });
    }
    expect(await services.handle('sale.create', { amountPaise: 1_000 })).toMatchObject({ ok: true, value: { state: 'showing' } });
    expect(await services.handle('refund.requestOtp', { referenceId: '12345678926', ackNo: '127' })).toMatchObject({ ok: true });

    expect(await services.handle('owner.setPin', { pin: '2468' })).toEqual({ ok: true, value: { pinSet: true, unlocked: true, lockedForMs: 0, triesLeft: 5 } });
    expect(await services.handle('settings.update', { terminalName: 'Till 2' })).toMatchObject({ ok: true, value: { terminalName: 'Till 2' } });
    await services.handle('owner.lock', undefined);
    for (const [op, input] of ownerOnly) {
      expect(await services.handle(op, input)).toEqual({ ok: false, error: { code: 'owner_required', message: 'This needs the owner\'s PIN.' } });
    }
    expect(await services.handle('settings.get', undefined)).toMatchObject({ ok: true, value: { terminalName: 'Till 2' } });
  });

  it('five wrong PINs lock it for five minutes, across a restart; the PIN is never stored or returned', async () => {
    await start();
    await services.handle('owner.setPin', { pin: '97531' });
    await services.handle('owner.lock', undefined);
    for (const [left, count] of [['4 tries', 4], ['3 tries', 3], ['2 tries', 2], ['1 try', 1]] as const) {
      expect(await services.handle('owner.unlock', { pin: '11111' })).toEqual({ ok: false, error: { code: 'wrong_pin', message: `That PIN is not right. ${left} left before it locks for 5 minutes.`, count } });
    }
    expect(await services.handle('owner.unlock', { pin: '11111' })).toEqual({ ok: false, error: { code: 'locked_out', message: 'Too many wrong PINs. The PIN is locked for 5 minutes.', count: 5 } });
    expect(await services.handle('owner.unlock', { pin: '97531' })).toMatchObject({ ok: false, error: { code: 'locked_out' } });

    await services.dispose();
    await start();
    expect(await services.handle('owner.status', undefined)).toMatchObject({ ok: true, value: { pinSet: true, unlocked: false, triesLeft: 0 } });
    expect(await services.handle('owner.unlock', { pin: '97531' })).toMatchObject({ ok: false, error: { code: 'locked_out' } });

    const file = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    expect(file).toMatch(/"hash": "scrypt\$/);
    expect(file).not.toContain('97531');
    const everything = JSON.stringify(await Promise.all(['owner.status', 'settings.get', 'app.info'].map((op) => services.handle(op, undefined))));
    expect(everything).not.toMatch(/scrypt|97531/);
    const journal = readdirSync(join(dataDir, 'journal')).map((f) => readFileSync(join(dataDir, 'journal', f), 'utf8')).join('');
    expect(journal).not.toContain('97531');
    expect(journal.match(/owner\.pin_refused/g)).toHaveLength(7);
  });

  it('journals who acted: staff until the owner unlocks, owner after', async () => {
    await start();
    const staffSale = await services.handle('sale.create', { amountPaise: 1_000 });
    await services.handle('sale.cancel', { saleId: (staffSale as { value: { saleId: string } }).value.saleId });
    await services.handle('owner.setPin', { pin: '2468' });
    await services.handle('settings.update', { capPaise: 500_000 });
    const lines = readdirSync(join(dataDir, 'journal')).flatMap((f) => readFileSync(join(dataDir, 'journal', f), 'utf8').trim().split('\n')).map((l) => JSON.parse(l) as { type: string; role: string; data: unknown });
    expect(lines.map((l) => [l.type, l.role])).toEqual([
      ['sale.requested', 'staff'], ['sale.qr_issued', 'staff'], ['sale.cancelled', 'staff'], ['owner.pin_set', 'owner'], ['settings.changed', 'owner'],
    ]);
    expect(lines[4]!.data).toEqual({ fields: ['capPaise'] });
  });

  it('a read-only data folder: setting the PIN says so and sets nothing; once writable, the PIN sets and unlocks', async () => {
    const file = createJsonFileSettingsStore(join(dataDir, 'settings.json'));
    let readOnly = true;
    const store = { read: () => file.read(), write: (value: Parameters<typeof file.write>[0]) => { if (readOnly) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }); file.write(value); } };
    await start({ settingsStore: store });
    expect(await services.handle('owner.setPin', { pin: '2468' })).toEqual({ ok: false, error: { code: 'not_saved', message: 'Counter cannot save: its data folder is read-only. Ask whoever looks after this PC to make it writable. The PIN was not set.' } });
    expect(await services.handle('owner.status', undefined)).toMatchObject({ ok: true, value: { pinSet: false, unlocked: false } });
    expect(await services.handle('settings.update', { terminalName: 'Till 9' })).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
    readOnly = false;
    expect(await services.handle('owner.setPin', { pin: '2468' })).toMatchObject({ ok: true, value: { pinSet: true } });
    await services.handle('owner.lock', undefined);
    readOnly = true;
    expect(await services.handle('owner.unlock', { pin: '2468' })).toMatchObject({ ok: false, error: { code: 'not_saved', message: expect.stringMatching(/read-only.*The PIN was not checked\./) } });
    expect(await services.handle('settings.update', { terminalName: 'Till 9' })).toMatchObject({ ok: false, error: { code: 'owner_required' } });
    readOnly = false;
    expect(await services.handle('owner.unlock', { pin: '2468' })).toMatchObject({ ok: true, value: { unlocked: true } });
    readOnly = true;
    expect(await services.handle('settings.update', { terminalName: 'Till 9' })).toMatchObject({ ok: false, error: { code: 'not_saved', message: expect.stringMatching(/Nothing was changed\./) } });
    expect(await services.handle('settings.get', undefined)).toMatchObject({ ok: true, value: { terminalName: 'Counter 1' } });
  });

  it('refuses Live without a registration id, changing nothing, so the next sale does not fail', async () => {
    await start();
    await services.handle('owner.setPin', { pin: '2468' });
    expect(await services.handle('settings.update', { environment: 'live', terminalName: 'Till 3' })).toEqual({ ok: false, error: { code: 'invalid_input', field: 'registrationId', message: 'Live needs the registration ID BOS gave your shop. Fill it in, then save. Nothing was changed.' } });
    expect(await services.handle('settings.get', undefined)).toMatchObject({ ok: true, value: { environment: 'sandbox', terminalName: 'Counter 1' } });
    expect(await services.handle('settings.update', { environment: 'live', registrationId: 'BOS-554' })).toMatchObject({ ok: true, value: { environment: 'live' } });
  });

  it('refuses to change the PIN without the current one', async () => {
    await start();
    await services.handle('owner.setPin', { pin: '2468' });
    await services.handle('owner.lock', undefined);
    expect(await services.handle('owner.setPin', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'owner_required' } });
    expect(await services.handle('owner.unlock', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
  });
});

describe('Test connection', () => {
  let stub: Server | null = null;
  afterEach(async () => {
    await new Promise((resolve) => (stub ? stub.close(resolve) : resolve(undefined)));
    stub = null;
  });
  async function stubBos(status: number, body: unknown): Promise<string> {
    stub = createServer((_req, res) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)));
    await new Promise<void>((resolve) => stub!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  }
  async function live(url: string) {
    await start({ liveBaseUrlOverride: url });
    await services.handle('owner.setPin', { pin: '2468' });
    await services.handle('settings.update', { environment: 'live', registrationId: 'BOS-554', token: 'tok_test_abcdefgh' });
  }

  it('reports the sandbox reachable', async () => {
    await start();
    expect(await services.handle('settings.testConnection', undefined)).toEqual({ ok: true, value: { outcome: 'reachable', host: 'embedded sandbox', sandbox: true, message: 'BOS answered and accepted Counter\'s credentials.' } });
  });

  it('reports unauthorized when BOS refuses the token', async () => {
    await live(await stubBos(401, { status: false, response_code: 18, message: 'Authentication failed' }));
    expect(await services.handle('settings.testConnection', undefined)).toMatchObject({ ok: true, value: { outcome: 'unauthorized', message: expect.stringMatching(/credentials/) } });
  });

  it('reports unreachable when nothing listens there', async () => {
    const url = await stubBos(200, {});
    await new Promise((resolve) => stub!.close(resolve));
    stub = null;
    await live(url);
    expect(await services.handle('settings.testConnection', undefined)).toMatchObject({ ok: true, value: { outcome: 'unreachable', message: expect.stringMatching(/Cannot reach BOS/) } });
  });
});
