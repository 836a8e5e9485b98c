/**
 * The BUILT main (out/main/index.js, or COUNTER_OUT_DIR's) started in a child Node process whose `electron`
 * is a recording fake (test/support/fake-electron): the composition root runs for real, with its services
 * and embedded sandbox on 127.0.0.1, without Electron's binary. Needs `electron-vite build` first.
 */
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { AppInfo, HubView, SaleView } from '../../electron/contract/views';
import { bootBuiltMain, brokenBuild, OUT_DIR, type BootedMain } from '../support/fake-electron/boot';
import { bootProblems, EXPECTED_CHANNELS, windowProblems } from '../support/fake-electron/checks';
import type { BootRecord, KeyPress } from '../support/fake-electron/protocol';

const BOOT_TIMEOUT = 30_000;
const CASHIER = { window: 0 } as const;
const CUSTOMER = { window: 1 } as const;

const DEVTOOLS_KEYS: KeyPress[] = [
  { key: 'F12', code: 'F12' },
  { key: 'I', code: 'KeyI', control: true, shift: true },
  { key: 'J', code: 'KeyJ', control: true, shift: true },
  { key: 'C', code: 'KeyC', control: true, shift: true },
  { key: 'i', code: 'KeyI', meta: true, alt: true },
];
const CASHIER_KEYS: KeyPress[] = [{ key: 'F2', code: 'F2' }, { key: 'F9', code: 'F9' }, { key: '7', code: 'Digit7' }, { key: 'Enter', code: 'Enter' }];

beforeAll(() => {
  if (!existsSync(join(OUT_DIR, 'main', 'index.js'))) throw new Error(`${OUT_DIR}/main/index.js is missing: run \`npx electron-vite build\` first`);
});

/** Boots a build and waits for start() to settle; the caller stops it. */
async function booted(options: Parameters<typeof bootBuiltMain>[0] = {}): Promise<{ boot: BootedMain; record: BootRecord }> {
  const boot = bootBuiltMain(options);
  const outcome = await boot.started;
  if (!outcome.ok && !options?.outDir) throw new Error(`main did not start: ${outcome.message}\n${boot.output()}`);
  return { boot, record: await boot.snapshot() };
}

const refusal = { ok: false, error: { code: 'not_allowed' } };

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the built main, unpackaged', () => {
  let boot: BootedMain;
  let record: BootRecord;
  beforeAll(async () => {
    ({ boot, record } = await booted({ packaged: false }));
  }, BOOT_TIMEOUT);
  afterAll(async () => {
    await boot?.stop();
  });

  it('starts without an error: a hardened cashier window whose preload and page exist in the build, every contract channel on ipcMain and nothing else', () => {
    expect(bootProblems(record, OUT_DIR)).toEqual([]);
    expect([...record.handled].sort()).toEqual([...EXPECTED_CHANNELS].sort());
    // ipcMain.on, which has no sender guard, carries only electron-store's own request for its folder.
    expect(record.listened).toEqual(['electron-store-get-data']);
    expect(record.windows).toHaveLength(1);
    expect(record.windows[0]!.shown).toBe('show');
    expect(record.paths.userData).toBe(boot.userData);
    expect(record.switches).toContain('lang=en-IN');
    expect(record.appEvents).toEqual(expect.arrayContaining(['second-instance', 'window-all-closed', 'will-quit']));
  });

  it('answers the cashier window through the real services and refuses a WebContents it did not make', async () => {
    const info = (await boot.invoke('pos:app.info', undefined, CASHIER)) as PosResult<AppInfo>;
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', version: '0.0.0-boot-test', environment: 'sandbox', sandbox: true } });
    expect(await boot.invoke('pos:app.info', undefined, 'stranger')).toMatchObject(refusal);
    expect(await boot.invoke('pos:sale.create', { amountPaise: -5 }, CASHIER)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('denies new windows, navigation away, every permission, and puts the CSP on responses', async () => {
    expect(await boot.command({ op: 'windowOpen', window: 0, url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(await boot.command({ op: 'navigate', window: 0, url: 'https://evil.example/' })).toEqual({ prevented: true });
    expect(await boot.command({ op: 'navigate', window: 0, url: record.windows[0]!.loads[0]! })).toEqual({ prevented: false });
    expect(await boot.command({ op: 'permission', permission: 'media' })).toBe(false);
    const headers = await boot.command<Record<string, string[]>>({ op: 'headers' });
    expect(headers).toEqual({ 'X-Test': ['1'], 'Content-Security-Policy': [expect.stringContaining("default-src 'self'")] });
    for (const directive of ["script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) expect(headers['Content-Security-Policy']![0]).toContain(directive);
  });

  it('keeps the default menu and DevTools, whose keys reach them', async () => {
    expect(record.packaged).toBe(false);
    expect(record.applicationMenu).toEqual([]);
    expect(record.windows[0]!.webPreferences.devTools).toBe(true);
    for (const key of DEVTOOLS_KEYS) expect(await boot.press(0, key), JSON.stringify(key)).toBe(false);
  });

  it('opens the customer display through the factory with its own preload and page; that window reads its view and nothing else', async () => {
    expect(await boot.invoke('pos:customer.open', undefined, CASHIER)).toMatchObject({ ok: true, value: { placement: 'window' } });
    const customer = (await boot.snapshot()).windows[1];
    expect(customer, 'a second window').toBeDefined();
    expect(windowProblems(customer!, { name: 'customer', outDir: OUT_DIR, preload: 'customer.cjs', page: 'customer.html', devTools: false })).toEqual([]);
    expect(await boot.invoke('customer:view', undefined, CUSTOMER)).toMatchObject({ ok: true, value: { training: true, sale: null } });
    expect(await boot.invoke('pos:settings.get', undefined, CUSTOMER)).toMatchObject(refusal);
    expect(await boot.invoke('pos:sale.create', { amountPaise: 1000 }, CUSTOMER)).toMatchObject(refusal);
    expect(await boot.invoke('customer:view', undefined, CASHIER)).toMatchObject(refusal);
  });
});

describe('the built main, packaged (app.isPackaged)', () => {
  let boot: BootedMain;
  let record: BootRecord;
  beforeAll(async () => {
    ({ boot, record } = await booted({ packaged: true }));
  }, BOOT_TIMEOUT);
  afterAll(async () => {
    await boot?.stop();
  });

  it('removes the application menu before any window exists and turns DevTools off', () => {
    expect(bootProblems(record, OUT_DIR)).toEqual([]);
    expect(record.applicationMenu).toEqual([null]);
    expect(record.log.indexOf('Menu.setApplicationMenu(null)')).toBeGreaterThanOrEqual(0);
    expect(record.log.indexOf('Menu.setApplicationMenu(null)')).toBeLessThan(record.log.indexOf('BrowserWindow#0 created'));
    expect(record.windows[0]!.webPreferences.devTools).toBe(false);
  });

  it('swallows the DevTools keys in the cashier and customer windows and lets the cashier\'s own keys through', async () => {
    for (const key of DEVTOOLS_KEYS) expect(await boot.press(0, key), JSON.stringify(key)).toBe(true);
    for (const key of CASHIER_KEYS) expect(await boot.press(0, key), JSON.stringify(key)).toBe(false);
    expect(await boot.invoke('pos:customer.open', undefined, CASHIER)).toMatchObject({ ok: true });
    expect((await boot.snapshot()).windows[1]!.webPreferences.devTools).toBe(false);
    for (const key of DEVTOOLS_KEYS) expect(await boot.press(1, key), JSON.stringify(key)).toBe(true);
  });
});

describe('quitting the built main', () => {
  let boot: BootedMain | undefined;
  afterEach(async () => {
    await boot?.stop();
  });

  it('closing the cashier window quits: will-quit closes the customer display, the sandbox\'s port and the journal, and nothing is left running', async () => {
    ({ boot } = await booted());
    // A quit while the embedded hub is still making its first database waits for that to finish (PGlite's first start
    // is seconds, far more on a busy machine: 79 s was seen) rather than leave half a database: this test times the quit itself, so it
    // starts from the app's usual state, the embedded hub up and the counter connected to it.
    const main = boot;
    const hubState = async () => {
      const status = (await main.invoke('pos:hub.status', undefined, CASHIER)) as PosResult<HubView>;
      return status.ok ? status.value.state : status.error.code;
    };
    await expect.poll(hubState, { timeout: 90_000 }).toBe('connected');
    const sale = (await boot.invoke('pos:sale.create', { amountPaise: 1000 }, CASHIER)) as PosResult<SaleView>;
    expect(sale).toMatchObject({ ok: true, value: { state: 'showing', amountPaise: 1000 } });
    expect(await boot.invoke('pos:customer.open', undefined, CASHIER)).toMatchObject({ ok: true });
    const before = await boot.snapshot();
    const sandbox = new URL(before.fetched[0]!);
    expect(sandbox.hostname).toBe('127.0.0.1');
    const port = Number(sandbox.port);
    const journalDir = join(boot.userData, 'journal');
    // Both are open before the quit, so the checks below can fail.
    expect(await portOpen(port)).toBe(true);
    expect(boot.openFilesUnder(journalDir)).not.toEqual([]);

    await boot.command({ op: 'closeWindow', window: 0 });
    await expect.poll(() => portOpen(port), { timeout: 5000 }).toBe(false);
    await expect.poll(() => boot!.openFilesUnder(journalDir), { timeout: 5000 }).toEqual([]);
    const after = await boot.snapshot();
    expect(after.quit.willQuitEmitted).toBe(true);
    expect(after.windows.map((w) => w.closed)).toEqual([true, true]);

    // With every service disposed the process has nothing left to wait on: it ends once the test lets go.
    main.child.disconnect();
    const exit = await Promise.race([main.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
    expect(exit, main.output()).toEqual({ code: 0, signal: null });
  }, BOOT_TIMEOUT + 90_000);

  it('a second instance quits at once: no window, no channel, no services', async () => {
    boot = bootBuiltMain({ secondInstance: true });
    const record = await boot.snapshot();
    expect(record.quit.requested).toBe(1);
    expect(record.log).not.toContain('app.whenReady');
    expect(record.windows).toEqual([]);
    expect(record.handled).toEqual([]);
  }, BOOT_TIMEOUT);
});

describe('a broken build fails the boot checks', () => {
  const variants: Array<{ remove(): void }> = [];
  let boot: BootedMain | undefined;
  afterEach(async () => {
    await boot?.stop();
    boot = undefined;
    for (const variant of variants.splice(0)) variant.remove();
  });

  async function bootVariant(find: string, replace: string): Promise<BootRecord> {
    const variant = brokenBuild({ find, replace });
    variants.push(variant);
    ({ boot } = await booted({ outDir: variant.outDir }));
    const record = await boot.snapshot();
    expect(bootProblems(record, variant.outDir), 'the checks the real build passes').not.toEqual([]);
    return record;
  }

  it('a preload path that is not in the build', async () => {
    const record = await bootVariant('"../preload/index.cjs"', '"../preload/index.js"');
    // Electron starts such a window anyway (the page just has no window.pos): only the check catches it.
    expect(record.start.state).toBe('resolved');
    expect(bootProblems(record, boot!.outDir)).toEqual([expect.stringMatching(/^cashier preload: .*\/preload\/index\.js does not exist$/), expect.stringMatching(/^cashier preload: .* is not index\.cjs$/)]);
  }, BOOT_TIMEOUT);

  it('a throw during start-up', async () => {
    const record = await bootVariant('async function start() {', 'async function start() {\n\tthrow new Error("deliberate start-up failure");');
    expect(record.start).toEqual({ state: 'rejected', message: 'deliberate start-up failure' });
    expect(record.errorBoxes).toEqual([{ title: 'Counter could not start', content: 'deliberate start-up failure' }]);
    expect(record.quit.requested).toBeGreaterThan(0);
    expect(bootProblems(record, boot!.outDir)).toEqual(expect.arrayContaining(['start() rejected: deliberate start-up failure', 'no window was created']));
  }, BOOT_TIMEOUT);

  it('a renderer page missing from the build', async () => {
    const record = await bootVariant('"../renderer"', '"../renderer-missing"');
    expect(record.start.state).toBe('rejected');
    expect(record.errorBoxes[0]?.content).toMatch(/^ERR_FILE_NOT_FOUND .*renderer-missing\/index\.html/);
    expect(bootProblems(record, boot!.outDir)).toEqual(expect.arrayContaining([expect.stringMatching(/^cashier page: .*renderer-missing\/index\.html is not inside /)]));
  }, BOOT_TIMEOUT);
});
