import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOMER_PREVIEW } from '../../electron/contract/customer';
import { startSandbox, type SandboxServer } from '../../electron/sandbox';
import { usePreviewOnDemand } from '../support/ui';

const ui = usePreviewOnDemand();

/** The customer display beside the cashier's page, in the same browser context, through the old address (which redirects). */
async function openCustomer(): Promise<Page> {
  const customer = await ui.page().context().newPage();
  await customer.goto(`${ui.running().preview.url.replace(/\/$/, '')}${CUSTOMER_PREVIEW.page}`);
  await customer.getByText('UPI accepted').waitFor();
  return customer;
}

/**
 * Every way a script in a page can ask for the cashier's page: its own origin's pages, the
 * cashier's origin by fetch (cors, no-cors, credentials), XHR, a frame and a window.
 * Returns everything those requests let it read.
 */
function probeForPages(page: Page, cashierOrigin: string): Promise<string> {
  return page.evaluate(async (cashier) => {
    const seen: string[] = [];
    const read = async (what: string, run: () => Promise<string>) => {
      try {
        seen.push(`${what}: ${await run()}`);
      } catch (error) {
        seen.push(`${what}: refused (${String(error)})`);
      }
    };
    for (const path of ['/', '/index.html', '/customer.html', '/other.html', '/pos-events']) {
      await read(`own ${path}`, async () => (await fetch(path)).text());
      await read(`cashier ${path}`, async () => (await fetch(cashier + path)).text());
      await read(`cashier no-cors ${path}`, async () => (await fetch(cashier + path, { mode: 'no-cors', credentials: 'include' })).text());
    }
    await read('xhr', () => new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', `${cashier}/`);
      xhr.onload = () => resolve(xhr.responseText);
      xhr.onerror = () => reject(new Error('xhr error'));
      xhr.send();
    }));
    await read('frame', () => new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.src = `${cashier}/`;
      frame.onload = () => {
        try {
          resolve(frame.contentDocument?.documentElement.outerHTML ?? 'no document');
        } catch (error) {
          resolve(`refused (${String(error)})`);
        }
      };
      setTimeout(() => resolve('no load'), 1500);
      document.body.append(frame);
    }));
    await read('window', async () => {
      const opened = window.open(`${cashier}/`, '_blank');
      await new Promise((r) => setTimeout(r, 800));
      try {
        return opened?.document.documentElement.outerHTML ?? 'no window';
      } finally {
        opened?.close();
      }
    });
    return seen.join('\n');
  }, cashierOrigin);
}

describe('each preview page keeps to its own token', () => {
  it('the customer page reads the cashier token by no request it can make (the same probe in the cashier page does)', async () => {
    await ui.open();
    const customer = await openCustomer();
    const { token, url } = ui.running().preview;
    const cashierOrigin = new URL(url).origin;
    expect(new URL(customer.url()).origin).not.toBe(cashierOrigin);
    const fromCustomer = await probeForPages(customer, cashierOrigin);
    expect(fromCustomer).not.toContain(token);
    // It did read what its own origin serves: its own page, with its own token.
    expect(fromCustomer).toContain(ui.running().preview.customerToken);
    // The probe can find it: from the cashier's own page the same requests read it.
    expect(await probeForPages(ui.page(), cashierOrigin)).toContain(token);
  });

  it('no URL either page requests carries a token; the streams carry it in a header', async () => {
    const urls: string[] = [];
    const streamHeaders: string[] = [];
    const page = await ui.open({ navigate: false });
    page.context().on('request', (request) => {
      urls.push(request.url());
      if (/\/(pos|customer)-events$/.test(new URL(request.url()).pathname)) streamHeaders.push(request.headers()['x-counter-token'] ?? '');
    });
    await page.goto(ui.running().preview.url);
    await page.getByLabel('Amount').waitFor();
    const customer = await openCustomer();
    await page.getByLabel('Amount').fill('42');
    await page.getByRole('button', { name: 'Show QR' }).click();
    await customer.getByRole('img', { name: /₹42\.00/ }).waitFor();
    await page.getByRole('button', { name: 'Paid', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm paid' }).click();
    await customer.getByRole('heading', { name: 'Paid — thank you' }).waitFor();
    await customer.reload();
    await customer.getByText('UPI accepted').waitFor();

    const { token, customerToken } = ui.running().preview;
    expect(urls.length).toBeGreaterThan(10);
    for (const url of [...urls, page.url(), customer.url()]) {
      expect(url).not.toContain(token);
      expect(url).not.toContain(customerToken);
      expect(url).not.toMatch(/[?&]token=/);
    }
    expect(streamHeaders.length).toBeGreaterThanOrEqual(3);
    expect(new Set(streamHeaders)).toEqual(new Set([token, customerToken]));
  });
});

describe('the preview pages reconnect by themselves', () => {
  it('after the preview restarts, both pages carry on without a reload: the cashier sees what the new server knows', async () => {
    const page = await ui.open();
    const customer = await openCustomer();
    await page.getByLabel('Amount').fill('42');
    await page.getByRole('button', { name: 'Show QR' }).click();
    await customer.getByRole('img', { name: /₹42\.00/ }).waitFor();

    const before = ui.running().preview.token;
    const running = await ui.restart();
    expect(running.preview.token).not.toBe(before);
    // The sale left showing comes back unresolved; the page learns it on reconnecting, not by a reload.
    await page.getByRole('alertdialog', { name: 'Unresolved sale' }).waitFor();
    await customer.getByText('UPI accepted').waitFor();
    expect(await customer.getByRole('img').count()).toBe(0);
    // Calls carry the new server's token: answering the question works.
    await page.getByRole('button', { name: 'Yes, it was paid' }).click();
    await page.getByRole('button', { name: 'Next sale' }).click();
    await page.getByLabel('Amount').fill('55');
    await page.getByRole('button', { name: 'Show QR' }).click();
    // The customer display follows the new server's stream too.
    await customer.getByRole('img', { name: /₹55\.00/ }).waitFor();
    await expect.poll(() => running.services.sandbox()!.control.issuedQrs().length).toBe(1);
  });

  it('says it is not answering while the server is away, and carries on once it is back', async () => {
    const page = await ui.open();
    const url = ui.running().preview.url;
    const running = await ui.restart(async () => {
      await page.getByLabel('Amount').fill('42');
      await page.getByRole('button', { name: 'Show QR' }).click();
      await page.getByText(/not answering/).first().waitFor();
    });
    expect(running.preview.url).toBe(url);
    await page.getByLabel('Amount').fill('43');
    await page.getByRole('button', { name: 'Show QR' }).click();
    await page.getByRole('img', { name: /₹43\.00/ }).waitFor();
  });
});

describe('a page of another site cannot drive our servers', () => {
  let servers: Server[] = [];
  let sandbox: SandboxServer | null = null;
  afterEach(async () => {
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
    await sandbox?.close();
    servers = [];
    sandbox = null;
  });
  const listen = async (server: Server) => {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };

  it('a no-cors text/plain POST from another page on this PC changes nothing in the sandbox or the preview', async () => {
    const page = await ui.open({ navigate: false });
    sandbox = await startSandbox();
    // A stand-in receiver shows what the browser really sent (so the refusals below are not for want of a request).
    const recorded: Array<string | undefined> = [];
    const recorder = await listen(createServer((req, res) => {
      recorded.push(req.headers['sec-fetch-site'] as string | undefined);
      res.end();
    }));
    const targets = { sandbox: sandbox.url, preview: ui.running().preview.url.replace(/\/$/, ''), recorder: `http://127.0.0.1:${recorder}` };
    const evil = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><title>evil</title><script>
        const t = ${JSON.stringify(targets)};
        const shot = (url, body) => fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }).then(() => 'sent', (e) => String(e));
        window.done = Promise.all([
          shot(t.sandbox + '/sandbox/control', 'null'),
          shot(t.sandbox + '/sandbox/control', '{"nextFault":"html_502","clockOffsetMs":1e20}'),
          shot(t.sandbox + '/api/BOS/V4/DynamicQRCode', '{"amount":"10"}'),
          shot(t.preview + '/pos/settings.update', '{"input":{"shopName":"Evil"}}'),
          shot(t.recorder + '/', 'null'),
        ]);
      </script>`);
    });
    const port = await listen(evil);
    // From another port of this PC (same site) and from another site name (localhost vs 127.0.0.1).
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      await page.goto(`${origin}/`);
      await page.evaluate(() => (window as unknown as { done: Promise<unknown> }).done);
    }
    expect(recorded).toEqual(['same-site', 'cross-site']);
    expect(sandbox.control.requests()).toHaveLength(0);
    expect(sandbox.control.issuedQrs()).toHaveLength(0);
    const state = (await (await fetch(`${sandbox.url}/sandbox/control`, { method: 'POST', body: '{}' })).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ nextFault: null, clockOffsetMs: 0 });
    const settings = await ui.running().services.handle('settings.get', undefined);
    expect(settings).toMatchObject({ ok: true });
    expect(settings.ok && (settings.value as { shopName: string }).shopName).not.toBe('Evil');
  });
});
