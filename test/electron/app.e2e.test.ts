import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinary } from './electron-available';

const binary = electronBinary();
if ('missing' in binary) console.log(`Electron e2e skipped: ${binary.missing}`);

describe.skipIf('missing' in binary)('the Electron app on its sandbox', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'counter-e2e-'));
    app = await _electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: [join(process.cwd(), 'out', 'main', 'index.js'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, COUNTER_USER_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
    // A fresh data folder: the owner's first-start set-up comes before Sell.
    await page.getByRole('heading', { name: 'Set up Counter' }).waitFor();
    await page.getByLabel('Shop name').fill('Test Shop');
    await page.getByLabel('Owner PIN (4 to 8 digits)').fill('2468');
    await page.getByLabel('Owner PIN again').fill('2468');
    await page.getByRole('button', { name: 'Finish set-up' }).click();
    await page.getByLabel('Amount').waitFor();
  });
  afterEach(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a QR for ₹10 on the sandbox', async () => {
    await page.getByLabel('Amount').fill('10');
    await page.getByRole('button', { name: 'Show QR' }).click();
    await page.getByRole('img', { name: /₹10\.00/ }).waitFor();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  });

  it('requests a refund OTP on the sandbox', async () => {
    await page.getByRole('tab', { name: /Refund/ }).click();
    await page.getByLabel('Reference ID').fill('12345678926');
    await page.getByLabel('Ack No').fill('127');
    await page.getByRole('button', { name: 'Send OTP' }).click();
    await page.getByLabel('OTP', { exact: true }).waitFor();
  });

  it('opens the customer display: it follows the sale and its window has no window.pos', async () => {
    const opened = app.waitForEvent('window');
    const status = await page.evaluate(() => (window as unknown as { pos: { openCustomerDisplay(): Promise<unknown> } }).pos.openCustomerDisplay());
    expect(status).toMatchObject({ ok: true, value: { placement: 'window' } });
    const customer = await opened;
    await customer.getByText('UPI accepted').waitFor();
    expect(await customer.evaluate(() => typeof (window as unknown as { pos?: unknown }).pos)).toBe('undefined');
    expect(await customer.evaluate(() => Object.keys((window as unknown as { customer: object }).customer).sort())).toEqual(['onChange', 'view']);
    await page.getByLabel('Amount').fill('10');
    await page.getByRole('button', { name: 'Show QR' }).click();
    await customer.getByRole('img', { name: /₹10\.00/ }).waitFor();
  });
});
