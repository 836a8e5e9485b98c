import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxServer } from '../../electron/sandbox';
import { rawRequest, rawStatus } from '../support/raw-http';

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
const control = (body: string) => post('/sandbox/control', body);
const state = async () => (await control('{}')).json() as Promise<Record<string, unknown>>;
const stillUp = async (server = sandbox) => expect((await fetch(`${server.url}/sandbox/health`)).status).toBe(200);
const qr = () => post('/api/BOS/V4/DynamicQRCode', '{"RegistrationID":"X","amount":"10"}');

/** A request with headers fetch would not let us set (Host, Sec-Fetch-Site). */
function send(path: string, headers: Record<string, string>, body = '', method = 'POST'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sandbox.port, path, method, headers: { 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the sandbox survives hostile requests', () => {
  it('answers a control body of null (or an array, a string, a number) with 400 and stays up', async () => {
    for (const body of ['null', '[]', '"reset"', '7', 'true']) {
      const res = await control(body);
      expect(res.status, body).toBe(400);
    }
    await stillUp();
  });

  it('clamps a clock offset of 1e20 to ten years, so the next QR still has real dates', async () => {
    const set = (await (await control('{"clockOffsetMs":1e20}')).json()) as { clockOffsetMs: number };
    expect(set.clockOffsetMs).toBe(10 * 365 * 24 * 3600 * 1000);
    const res = await qr();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { CreatedDateTime: string };
    expect(body.CreatedDateTime).toMatch(/^20[3-4]\d-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);
    expect((await (await control('{"clockOffsetMs":-1e20}')).json()) as object).toMatchObject({ clockOffsetMs: -10 * 365 * 24 * 3600 * 1000 });
    expect((await qr()).status).toBe(200);
  });

  it('answers a request line with a broken absolute URL (GET http://[x/) with 400 and stays up', async () => {
    const answer = await rawRequest(sandbox.port, `GET http://[x/ HTTP/1.1\r\nHost: 127.0.0.1:${sandbox.port}\r\nConnection: close\r\n\r\n`);
    expect(rawStatus(answer)).toBe(400);
    await stillUp();
  });

  it.each([
    ['garbage', 'HELLO\r\n\r\n'],
    ['a bad method', `G@T / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
    ['a bad HTTP version', 'GET / HTTP/9.9\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n'],
    ['a broken chunked body', 'POST /sandbox/control HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['both Content-Length and chunked', 'POST /sandbox/control HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ])('answers %s with a 4xx and stays up', async (_name, bytes) => {
    const status = rawStatus(await rawRequest(sandbox.port, bytes));
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    await stillUp();
  });

  it('answers headers over 16 KB with 431 and stays up', async () => {
    const answer = await rawRequest(sandbox.port, `GET /sandbox/health HTTP/1.1\r\nHost: 127.0.0.1:${sandbox.port}\r\nConnection: close\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(rawStatus(answer)).toBe(431);
    await stillUp();
  });

  it('answers a body over 64 KB with 413 after reading it, on every route', async () => {
    const big = `{"amount":"${'1'.repeat(70_000)}"}`;
    for (const path of ['/sandbox/control', '/sandbox/pay', '/api/BOS/V4/DynamicQRCode', '/api/BOS/RefundOTP']) {
      expect((await post(path, big)).status, path).toBe(413);
    }
    expect(sandbox.control.requests()).toHaveLength(0);
    await stillUp();
  });

  it('answers odd methods and a client that hangs up mid-body, and stays up', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) expect(await send('/sandbox/control', { Host: `127.0.0.1:${sandbox.port}` }, '{}', method)).toBe(405);
    expect(await send('/api/BOS/RefundOTP', { Host: `127.0.0.1:${sandbox.port}` }, '', 'DELETE')).toBe(405);
    await rawRequest(sandbox.port, `POST /sandbox/control HTTP/1.1\r\nHost: 127.0.0.1:${sandbox.port}\r\nContent-Length: 1000\r\n\r\n{"reset"`, 100);
    await stillUp();
  });

  it('turns a throw while answering after the latency wait into a 500 and stays up', async () => {
    const seen: string[] = [];
    const broken = await startSandbox({ now: () => Number.NaN, latencyMs: 5, log: (where) => seen.push(where) });
    try {
      const res = await fetch(`${broken.url}/api/BOS/V4/DynamicQRCode`, { method: 'POST', body: '{"amount":"10"}' });
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ status: 'ERROR', subCode: '500' });
      await stillUp(broken);
      expect(seen).toEqual(['BOS call']);
    } finally {
      await broken.close();
    }
  });
});

describe('the sandbox answers only itself, from this PC', () => {
  it('refuses a foreign Host (DNS rebinding) with 421', async () => {
    for (const host of [`evil.example:${sandbox.port}`, `127.0.0.1:${sandbox.port + 1}`, '127.0.0.1', `127.0.0.1.evil.example:${sandbox.port}`]) {
      expect(await send('/sandbox/control', { Host: host, 'Content-Type': 'application/json' }, '{"nextFault":"html_502"}'), host).toBe(421);
    }
    expect(await send('/sandbox/health', { Host: `localhost:${sandbox.port}` }, '', 'GET')).toBe(200);
    expect(await send('/sandbox/health', { Host: `[::1]:${sandbox.port}` }, '', 'GET')).toBe(200);
    expect((await state()).nextFault).toBeNull();
  });

  it('refuses a page of another site or port: no-cors text/plain POST, Origin, Sec-Fetch-Site', async () => {
    const host = `127.0.0.1:${sandbox.port}`;
    const attempts: Array<Record<string, string>> = [
      { 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' },
      { 'Content-Type': 'text/plain;charset=UTF-8', 'Sec-Fetch-Site': 'cross-site' },
      { 'Content-Type': 'text/plain;charset=UTF-8', 'Sec-Fetch-Site': 'same-site', Origin: 'http://127.0.0.1:1' },
      { 'Content-Type': 'application/json', Origin: 'http://localhost:9' },
      { 'Content-Type': 'application/json', Origin: `https://${host}` },
      { 'Content-Type': 'application/json', Origin: 'not a url' },
    ];
    for (const headers of attempts) {
      expect(await send('/sandbox/control', { Host: host, ...headers }, '{"nextFault":"html_502"}'), JSON.stringify(headers)).toBe(403);
      expect(await send('/api/BOS/V4/DynamicQRCode', { Host: host, ...headers }, '{"amount":"10"}'), JSON.stringify(headers)).toBe(403);
    }
    expect((await state()).nextFault).toBeNull();
    expect(sandbox.control.issuedQrs()).toHaveLength(0);
    // Its own page (same origin), a typed address (none) and a client with no browser headers are let in.
    expect(await send('/sandbox/health', { Host: host, 'Sec-Fetch-Site': 'same-origin', Origin: `http://${host}` }, '', 'GET')).toBe(200);
    expect(await send('/sandbox/qrs', { Host: host, 'Sec-Fetch-Site': 'none' }, '', 'GET')).toBe(200);
  });
});

describe('the sandbox checks its control input', () => {
  it('clamps latency to 0–60 000 ms', async () => {
    expect(await (await control('{"latencyMs":-5}')).json()).toMatchObject({ latencyMs: 0 });
    expect(await (await control('{"latencyMs":1e12}')).json()).toMatchObject({ latencyMs: 60_000 });
    sandbox.control.setLatency(-1);
    expect((await state()).latencyMs).toBe(0);
    sandbox.control.setClockOffset(1e300);
    expect((await state()).clockOffsetMs).toBe(10 * 365 * 24 * 3600 * 1000);
  });

  it.each([
    ['{"latencyMs":"100"}', /latencyMs/],
    ['{"clockOffsetMs":null}', /clockOffsetMs/],
    ['{"nextFault":"explode"}', /nextFault/],
    ['{"nextFault":1}', /nextFault/],
    ['{"reset":"yes"}', /reset/],
    ['{"latencyMs":10,"surprise":1}', /unknown field/],
    ['{"__proto__":{"latencyMs":5}}', /unknown field/],
    ['{"webhookTarget":"http://127.0.0.1:1/"}', /webhookTarget/],
    ['{"webhookTarget":{"url":"file:///etc/passwd"}}', /http or https/],
    ['{"webhookTarget":{"url":"http://u:p@127.0.0.1:1/"}}', /user name/],
    ['{"webhookTarget":{"url":"http://127.0.0.1:1/","shape":"stripe"}}', /shape/],
    ['{"webhookTarget":{"url":"http://127.0.0.1:1/","encoding":"xml"}}', /encoding/],
    ['{"webhookTarget":{"url":"http://127.0.0.1:1/","hmacSecret":""}}', /hmacSecret/],
    ['{"nextWebhookFault":"explode"}', /nextWebhookFault/],
    ['{"nextWebhookFault":{"fault":"delay","delayMs":"soon"}}', /delayMs/],
  ])('refuses %s with 400', async (body, message) => {
    const res = await control(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect(await state()).toMatchObject({ latencyMs: 0, clockOffsetMs: 0, nextFault: null, webhookTarget: null, nextWebhookFault: null });
  });

  it('applies nothing of a body with one bad field', async () => {
    expect((await control('{"nextFault":"html_502","latencyMs":200,"webhookTarget":{"url":"ftp://x/"}}')).status).toBe(400);
    expect(await state()).toMatchObject({ latencyMs: 0, nextFault: null, webhookTarget: null });
  });

  it('never echoes the webhook secret', async () => {
    const res = await control('{"webhookTarget":{"url":"http://127.0.0.1:9/hook","hmacSecret":"s3cret-value"}}');
    const text = await res.text();
    expect(text).not.toContain('s3cret-value');
    expect(JSON.parse(text)).toMatchObject({ webhookTarget: { url: 'http://127.0.0.1:9/hook', shape: 'razorpay', encoding: 'json', signed: true } });
  });
});
