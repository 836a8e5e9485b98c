import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_PREVIEW } from '../../electron/contract/customer';
import type { CounterServices } from '../../electron/core/services';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createMemorySecretBox, createMemorySettingsStore } from '../../electron/web/preview-stores';
import { startWebPreview, type WebPreview } from '../../electron/web/server';
import { rawRequest, rawStatus } from '../support/raw-http';

let dir: string;
let rendererDir: string;
let services: PreviewServices;
let preview: WebPreview;
let cashierPort: number;
let customerPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counter-web-hard-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Counter</title></head><body>cashier</body></html>');
  writeFileSync(join(rendererDir, 'customer.html'), '<!doctype html><html><head><title>Customer</title></head><body>customer</body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  services = await createPreviewServices({ settingsStore: createMemorySettingsStore(), secretBox: createMemorySecretBox(), dataDir: dir, version: 't', shell: 'web-preview' });
  preview = await startWebPreview({ services, rendererDir });
  cashierPort = Number(new URL(preview.url).port);
  customerPort = Number(new URL(preview.customerUrl).port);
});
afterAll(async () => {
  await preview.close();
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Any request, with any headers (Host, Origin, Sec-Fetch-Site), read to its end (an event stream: its first chunk). */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const body = options.body ?? '';
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, 'Content-Length': String(Buffer.byteLength(body)), ...options.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        // A stream never ends: its status and headers are the answer.
        req.destroy();
        return done();
      }
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', done);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pos = (port: number, headers: Record<string, string> = {}, body = '{}') =>
  send(port, '/pos/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Counter-Token': preview.token, ...headers }, body });

async function bothStillAnswer(): Promise<void> {
  expect((await pos(cashierPort)).status).toBe(200);
  expect((await send(cashierPort, '/')).status).toBe(200);
  expect((await send(customerPort, CUSTOMER_PREVIEW.view, { headers: { 'X-Counter-Token': preview.customerToken } })).status).toBe(200);
}

describe('the preview survives hostile requests (both origins)', () => {
  const ports = () => [
    ['cashier', cashierPort],
    ['customer', customerPort],
  ] as const;

  it.each([
    ['a broken absolute URL', (p: number) => `GET http://[x/ HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nConnection: close\r\n\r\n`, 400],
    ['garbage', () => 'HELLO WORLD\r\n\r\n', 400],
    ['a bad method token', (p: number) => `G@T / HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\n\r\n`, 400],
    ['a request line with a space in the path', (p: number) => `GET /a b HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\n\r\n`, 400],
    ['a bad HTTP version', () => 'GET / HTTP/7.0\r\n\r\n', 400],
    ['headers over 16 KB', (p: number) => `GET / HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
    ['a broken chunked body', (p: number) => `POST /pos/app.info HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nX-Counter-Token: ${preview.token}\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n`, 'a 4xx'],
    ['a NUL in a header', (p: number) => `GET / HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nX-A: a\0b\r\n\r\n`, 400],
  ])('answers %s with its 4xx on either port and goes on', async (_name, bytes, expected) => {
    for (const [, port] of ports()) {
      const status = rawStatus(await rawRequest(port, bytes(port)));
      if (expected === 'a 4xx') expect(Math.floor(status / 100)).toBe(4);
      else expect(status).toBe(expected);
    }
    await bothStillAnswer();
  });

  it('answers a body over 64 KB with 413, after reading it', async () => {
    const res = await pos(cashierPort, {}, JSON.stringify({ input: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await bothStillAnswer();
  });

  it('answers a bad percent-escape in an operation name with 400, not a crash', async () => {
    const res = await send(cashierPort, '/pos/%E0%A4', { method: 'POST', headers: { 'X-Counter-Token': preview.token } });
    expect(res.status).toBe(400);
    await bothStillAnswer();
  });

  it('answers odd methods with 405 on every route, and goes on', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
      expect((await send(cashierPort, '/', { method })).status, `${method} /`).toBe(405);
      expect((await send(cashierPort, '/pos/app.info', { method, headers: { 'X-Counter-Token': preview.token } })).status, `${method} /pos`).toBe(405);
      expect((await send(cashierPort, '/pos-events', { method, headers: { 'X-Counter-Token': preview.token } })).status, `${method} events`).toBe(405);
      expect((await send(customerPort, CUSTOMER_PREVIEW.view, { method, headers: { 'X-Counter-Token': preview.customerToken } })).status, `${method} view`).toBe(405);
    }
    const connect = rawStatus(await rawRequest(cashierPort, `CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n`, 500));
    expect([0, 400, 405]).toContain(connect);
    const upgrade = await send(cashierPort, '/', { headers: { Connection: 'Upgrade', Upgrade: 'websocket' } });
    expect(upgrade.status).toBe(200);
    await bothStillAnswer();
  });

  it('a client that hangs up mid-body, or mid-stream, leaves the server answering', async () => {
    await rawRequest(cashierPort, `POST /pos/app.info HTTP/1.1\r\nHost: 127.0.0.1:${cashierPort}\r\nX-Counter-Token: ${preview.token}\r\nContent-Length: 5000\r\n\r\n{"in`, 100);
    await send(cashierPort, '/pos-events', { headers: { 'X-Counter-Token': preview.token } });
    // A change is pushed to streams that are gone.
    expect((await services.handle('owner.setPin', { pin: '2468' })).ok).toBe(true);
    await bothStillAnswer();
  });

  it('an operation that throws answers 500 and the preview goes on', async () => {
    const throwing: CounterServices = { ...services, handle: () => Promise.reject(new Error('boom')) };
    const own = await startWebPreview({ services: throwing, rendererDir });
    try {
      const port = Number(new URL(own.url).port);
      const res = await send(port, '/pos/app.info', { method: 'POST', headers: { 'X-Counter-Token': own.token }, body: '{}' });
      expect(res.status).toBe(500);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect((await send(port, '/')).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('each page keeps to its own origin and token', () => {
  it('serves the customer display from its own port, and sends the old address there', async () => {
    expect(customerPort).not.toBe(cashierPort);
    const moved = await send(cashierPort, `${CUSTOMER_PREVIEW.page}?hold=1500`);
    expect(moved.status).toBe(302);
    expect(moved.headers.location).toBe(`http://127.0.0.1:${customerPort}${CUSTOMER_PREVIEW.page}?hold=1500`);
    expect(moved.body).not.toContain(preview.token);
    const viaLocalhost = await send(cashierPort, CUSTOMER_PREVIEW.page, { headers: { Host: `localhost:${cashierPort}` } });
    expect(viaLocalhost.headers.location).toBe(`http://localhost:${customerPort}${CUSTOMER_PREVIEW.page}`);
  });

  it('the customer origin never answers with the cashier token, on any path or method', async () => {
    const paths = ['/', '/customer.html', '/index.html', '/other.html', '/pos/app.info', '/pos-events', '/assets/app.js', '/../index.html', '/%2e%2e/index.html', '/customer/view', '/customer-events', '/nope'];
    for (const path of paths) {
      for (const method of ['GET', 'HEAD', 'POST']) {
        const res = await send(customerPort, path, { method, headers: { 'X-Counter-Token': preview.customerToken } });
        expect(res.body, `${method} ${path}`).not.toContain(preview.token);
      }
    }
    const page = await send(customerPort, '/');
    expect(page.body).toContain(`<meta name="${CUSTOMER_PREVIEW.tokenMeta}" content="${preview.customerToken}">`);
    expect(page.body).toContain('customer');
    expect((await send(customerPort, '/index.html')).status).toBe(404);
    expect((await send(customerPort, '/pos/app.info', { method: 'POST', headers: { 'X-Counter-Token': preview.token } })).status).toBe(405);
    expect((await send(customerPort, '/pos-events', { headers: { 'X-Counter-Token': preview.token } })).status).toBe(404);
  });

  it('the cashier origin serves no customer routes, and its pages carry only the cashier token', async () => {
    expect((await send(cashierPort, CUSTOMER_PREVIEW.view, { headers: { 'X-Counter-Token': preview.customerToken } })).status).toBe(404);
    expect((await send(cashierPort, CUSTOMER_PREVIEW.events, { headers: { 'X-Counter-Token': preview.customerToken } })).status).toBe(404);
    for (const path of ['/', '/index.html', '/deep.html']) {
      const res = await send(cashierPort, path);
      expect(res.body).toContain(preview.token);
      expect(res.body).not.toContain(preview.customerToken);
    }
  });

  it('takes the token in its header only: never from the URL', async () => {
    const inUrl = await send(cashierPort, `/pos-events?token=${preview.token}`);
    expect(inUrl.status).toBe(403);
    const customerInUrl = await send(customerPort, `${CUSTOMER_PREVIEW.events}?token=${preview.customerToken}`);
    expect(customerInUrl.status).toBe(403);
    expect((await send(cashierPort, '/pos-events', { headers: { 'X-Counter-Token': preview.token } })).status).toBe(200);
    expect((await send(customerPort, CUSTOMER_PREVIEW.events, { headers: { 'X-Counter-Token': preview.customerToken } })).status).toBe(200);
    expect((await send(customerPort, CUSTOMER_PREVIEW.events, { headers: { 'X-Counter-Token': preview.token } })).status).toBe(403);
    expect((await send(cashierPort, '/pos-events', { headers: { 'X-Counter-Token': preview.customerToken } })).status).toBe(403);
  });

  it('refuses calls from another site or the other origin, but lets pages be opened from links', async () => {
    const foreign: Array<Record<string, string>> = [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site', Origin: `http://127.0.0.1:${customerPort}` },
      { Origin: `http://127.0.0.1:${customerPort}` },
    ];
    for (const headers of foreign) {
      expect((await pos(cashierPort, headers)).status, JSON.stringify(headers)).toBe(403);
      expect((await send(cashierPort, '/pos-events', { headers: { 'X-Counter-Token': preview.token, ...headers } })).status).toBe(403);
    }
    const fromCashier = { Origin: `http://127.0.0.1:${cashierPort}`, 'Sec-Fetch-Site': 'same-site' };
    expect((await send(customerPort, CUSTOMER_PREVIEW.view, { headers: { 'X-Counter-Token': preview.customerToken, ...fromCashier } })).status).toBe(403);
    expect((await pos(cashierPort, { Origin: `http://127.0.0.1:${cashierPort}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await send(cashierPort, '/', { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(200);
  });

  it('refuses a foreign Host on either port, the other port\'s included', async () => {
    expect((await send(cashierPort, '/', { headers: { Host: `evil.example:${cashierPort}` } })).status).toBe(421);
    expect((await send(customerPort, '/', { headers: { Host: `127.0.0.1:${cashierPort}` } })).status).toBe(421);
    expect((await send(cashierPort, '/', { headers: { Host: `127.0.0.1:${customerPort}` } })).status).toBe(421);
  });
});
