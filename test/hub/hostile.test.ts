import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairAnswer } from '../../electron/contract/hub';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { bearer, makeHub, type TestHub } from './hub-support';

/** Writes bytes to the hub's port as they are, and reads what comes back until the hub closes or goes quiet. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => resolve(answer);
    socket.setTimeout(1_500, () => socket.destroy());
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe.each(DRIVERS)('hostile requests on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let port: number;
  let counter: PairAnswer;
  let hub: TestHub | undefined;
  beforeAll(async () => {
    if (!shared.ready) return; // each test then fails with the reason
    store = shared.store;
    hub = await makeHub(store);
    await hub.app.listen({ host: '127.0.0.1', port: 0 });
    port = (hub.app.server.address() as AddressInfo).port;
    counter = await hub.pair();
  });
  afterAll(async () => {
    await hub?.app.close();
  });

  const stillUp = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  };

  it.each([
    ['bad JSON', 'POST', '/v1/pair', '{"code":', 'application/json', 400, 'bad_request'],
    ['JSON that is an array', 'POST', '/v1/pair', '[]', 'application/json', 400, 'bad_request'],
    ['a poisoned prototype', 'POST', '/v1/pair', '{"__proto__":{"admin":true},"code":"123456","name":"x"}', 'application/json', 400, 'bad_request'],
    ['a constructor key', 'POST', '/v1/pair', '{"constructor":{"prototype":{}},"code":"123456","name":"x"}', 'application/json', 400, 'bad_request'],
    ['wrong types', 'POST', '/v1/pair', '{"code":["123456"],"name":{"a":1}}', 'application/json', 400, 'bad_request'],
    ['XML', 'POST', '/v1/pair', '<pair/>', 'application/xml', 415, 'bad_request'],
    ['a huge body', 'POST', '/v1/pair', JSON.stringify({ code: '123456', name: 'x'.repeat(40_000) }), 'application/json', 413, 'too_large'],
    ['an odd method', 'PATCH', '/v1/pair', '{}', 'application/json', 404, 'not_found'],
    ['PROPFIND', 'PROPFIND', '/health', undefined, undefined, 404, 'not_found'],
    ['an unknown route', 'GET', '/admin/../../etc/passwd', undefined, undefined, 404, 'not_found'],
    ['a GET on the webhook', 'GET', '/bos/webhook/anything', undefined, undefined, 404, 'not_found'],
    ['a very long webhook secret', 'POST', `/bos/webhook/${'a'.repeat(5_000)}`, '{}', 'application/json', 414, 'bad_request'],
  ] as const)('answers %s with a JSON error and stays up', async (_what, method, url, payload, type, status, code) => {
    const res = await hub!.app.inject({ method, url, ...(payload !== undefined ? { payload } : {}), headers: type ? { 'content-type': type } : {} });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ error: { code, message: expect.any(String) } });
    await stillUp();
  });

  it('answers a deeply nested webhook body as unreadable, not with a crash', async () => {
    const deep = `${'{"a":'.repeat(12_000)}1${'}'.repeat(12_000)}`;
    const res = await hub!.app.inject({ method: 'POST', url: hub!.webhookPath, headers: { 'content-type': 'application/json' }, payload: deep });
    expect([400, 413]).toContain(res.statusCode);
    expect(res.json()).toMatchObject({ error: { code: expect.stringMatching(/bad_request|too_large/) } });
    await stillUp();
  });

  it('answers a deeply nested or oversized journal batch, and odd days, with JSON errors, not a crash', async () => {
    const deep = `{"events":[{"id":1,"type":"sale.paid","at":"2026-12-01T10:00:00Z","terminal":"C","role":"staff","data":${'{"a":'.repeat(12_000)}1${'}'.repeat(12_000)}}]}`;
    const nested = await hub!.app.inject({ method: 'POST', url: '/v1/journal', headers: { ...bearer(counter.credential), 'content-type': 'application/json' }, payload: deep });
    expect(nested.statusCode).toBe(400);
    expect(nested.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/nested deeper/) } });
    const huge = JSON.stringify({ events: [{ id: 1, type: 'sale.paid', at: '2026-12-01T10:00:00Z', terminal: 'C', role: 'staff', data: { note: 'x'.repeat(9 * 1024 * 1024) } }] });
    const tooLarge = await hub!.app.inject({ method: 'POST', url: '/v1/journal', headers: { ...bearer(counter.credential), 'content-type': 'application/json' }, payload: huge });
    expect(tooLarge.statusCode).toBe(413);
    const owner = await hub!.pair('owner');
    for (const url of ['/v1/days/%2e%2e/summary', '/v1/days/2026-12-01%00/sales', `/v1/days/${'9'.repeat(5_000)}/summary`, '/v1/days/2026-12-01/sales?terminal=']) {
      const res = await hub!.app.inject({ method: 'GET', url, headers: bearer(owner.credential) });
      expect([400, 404, 414], url).toContain(res.statusCode);
      expect(res.json(), url).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    await stillUp();
  });

  it('refuses garbage credentials and cursors without trouble', async () => {
    for (const authorization of ['Bearer', 'Bearer ', `Bearer ${'x'.repeat(8_000)}`, 'Basic dXNlcjpwYXNz', `Bearer ${counter.credential} extra`]) {
      const res = await hub!.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization }, remoteAddress: '192.0.2.200' });
      expect(res.statusCode).toBe(401);
    }
    const res = await hub!.app.inject({ method: 'GET', url: '/v1/stream?after=1&after=2', headers: bearer(counter.credential) });
    expect(res.statusCode).toBe(400);
    await stillUp();
  });

  it.each([
    ['a malformed request line', 'GET http://[x/ HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n', 400],
    ['an undecodable path', 'GET /%zz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n', 400],
    ['an undecodable webhook path', 'POST /bos/webhook/%E0%A4%A HTTP/1.1\r\nHost: a\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}', 400],
    ['no request line at all', 'BLAH\r\n\r\n', 400],
    ['a null byte in the path', 'GET /health\u0000 HTTP/1.1\r\nHost: a\r\n\r\n', 400],
    ['headers past the limit', `GET /health HTTP/1.1\r\nHost: a\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
    ['a body longer than announced, then junk', 'POST /v1/pair HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}}}}GARBAGE\r\n\r\n', 400],
    ['a lying chunked body', 'POST /v1/pair HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', 400],
  ])('answers %s over a raw socket and stays up', async (_what, bytes, status) => {
    const answer = await rawExchange(port, bytes);
    expect(statusOf(answer), answer.slice(0, 200)).toBe(status);
    if (status !== 431) expect(answer).toMatch(/"error":\{"code":"(bad_request|not_found)"/);
    await stillUp();
  });
});
