// Issue 21, item 7: silent sockets are closed, an address holds at most its share of sockets while a
// real request always gets in, and one credential holds at most four streams. Real sockets, a listening hub.
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { OwnerKeyAnswer } from '../../electron/contract/hub';
import type { BuildHubOptions } from '../../electron/hub/app';
import { DRIVERS, useSharedStore } from './drivers';
import { bearer, makeHub, openStream, razorpayBody, type OpenStream, type TestHub } from './hub-support';

/** What one credential may hold open at once (a counter needs one). */
const MAX_STREAMS_PER_CREDENTIAL = 4;

interface Watched {
  socket: Socket;
  /** Resolves with how long after opening the hub closed it. */
  closed: Promise<number>;
}

function openSocket(port: number): Promise<Watched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<number>((done) => socket.once('close', () => done(performance.now() - started)));
    socket.on('error', () => {});
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, fail) => setTimeout(() => fail(new Error(`${what}: not within ${ms} ms`)), ms))]);

describe.each(DRIVERS)('sockets on %s', (driver) => {
  const shared = useSharedStore(driver);
  let hub: TestHub | null = null;
  const sockets: Socket[] = [];
  const streams: OpenStream[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    for (const s of streams.splice(0)) s.close();
    await hub?.app.close();
    hub = null;
  });

  async function listening(options: Omit<BuildHubOptions, 'store' | 'clock'> = {}): Promise<{ hub: TestHub; port: number; url: string }> {
    hub = await makeHub(shared.store, options);
    await hub.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (hub.app.server.address() as AddressInfo).port;
    return { hub, port, url: `http://127.0.0.1:${port}` };
  }

  it('closes a socket that never speaks, and one that dribbles its headers, within the header time limit', async () => {
    const { port } = await listening({ connections: { headersMs: 1_000, checkEveryMs: 200 } });
    const silent = await Promise.all(Array.from({ length: 20 }, () => openSocket(port)));
    const slow = await openSocket(port);
    slow.socket.write('GET /health HTTP/1.1\r\nHost: hub\r\n');
    const drip = setInterval(() => slow.socket.writable && slow.socket.write('X-Slow: yes\r\n'), 200);
    sockets.push(...silent.map((w) => w.socket), slow.socket);
    try {
      // A 1 s limit checked every 200 ms; the bounds leave room for a loaded machine and still fail Node's own
      // defaults (a silent socket kept for good, dribbled headers for 60 s).
      const times = await within(Promise.all([...silent, slow].map((w) => w.closed)), 20_000, 'the hub closing silent sockets');
      for (const ms of times) expect(ms).toBeLessThan(15_000);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes a kept-alive socket left idle after its answer', async () => {
    const { port } = await listening({ connections: { keepAliveMs: 500, checkEveryMs: 200 } });
    const idle = await openSocket(port);
    sockets.push(idle.socket);
    const answered = new Promise<string>((resolve) => idle.socket.once('data', (d) => resolve(d.toString('latin1'))));
    idle.socket.write('GET /health HTTP/1.1\r\nHost: hub\r\nConnection: keep-alive\r\n\r\n');
    expect(await answered).toMatch(/^HTTP\/1\.1 200/);
    // Fastify's own keep-alive is 72 s: a loaded machine's 15 s still tells the limit from it.
    expect(await within(idle.closed, 15_000, 'the hub closing an idle kept-alive socket')).toBeLessThan(15_000);
  });

  it('lets an address hold only its share: silent sockets are pushed out, and BOS’s webhook is answered', async () => {
    const perAddress = 16;
    const { hub: h, url, port } = await listening({ connections: { perAddress, exemptLoopback: false, headersMs: 30_000 } });
    const flood: Watched[] = [];
    for (let i = 0; i < 40; i += 1) flood.push(await openSocket(port));
    sockets.push(...flood.map((w) => w.socket));
    // Each socket over the share pushed the oldest silent one out: 24 of 40 are closed by now, long before any time limit.
    await within(Promise.all(flood.slice(0, 40 - perAddress).map((w) => w.closed)), 15_000, 'the oldest silent sockets closed');
    const answer = await fetch(`${url}${h.webhookPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(razorpayBody()) });
    expect(answer.status).toBe(200);
  });

  it(`keeps at most ${MAX_STREAMS_PER_CREDENTIAL} streams open a credential: a new one ends the oldest`, async () => {
    const { hub: h, url } = await listening();
    const counter = await h.pair();
    for (let i = 0; i < MAX_STREAMS_PER_CREDENTIAL + 2; i += 1) {
      streams.push(await openStream(url, counter.credential));
    }
    await within(Promise.all(streams.slice(0, 2).map((s) => s.ended)), 15_000, 'the two oldest streams ended');
    const stillOpen = await Promise.race([Promise.any(streams.slice(2).map((s) => s.ended)).then(() => 'one ended'), new Promise((r) => setTimeout(() => r('open'), 300))]);
    expect(stillOpen).toBe('open');
  });

  it('does the same for an owner key’s shop streams, and ends them once the key is revoked', async () => {
    const { hub: h, url } = await listening({ pingMs: 100 });
    const owner = await h.pair('owner', 'Owner laptop');
    const made = await h.app.inject({ method: 'POST', url: '/v1/owner-keys', headers: bearer(owner.credential), payload: { kind: 'read' } });
    const key = made.json<OwnerKeyAnswer>();
    for (let i = 0; i < MAX_STREAMS_PER_CREDENTIAL + 1; i += 1) streams.push(await openStream(url, key.key, { path: '/v1/shop/stream' }));
    await within(streams[0]!.ended, 15_000, 'the oldest shop stream ended');
    expect((await h.app.inject({ method: 'DELETE', url: `/v1/owner-keys/${key.keyId}`, headers: bearer(owner.credential) })).statusCode).toBe(200);
    await within(Promise.all(streams.slice(1).map((s) => s.ended)), 15_000, 'the revoked key’s streams ended');
  });
});
