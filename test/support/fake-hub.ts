import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExpectationRequest, HubPayment, JournalBatch } from '../../electron/contract/hub';
import type { JournalEvent } from '../../electron/contract/journal';

/**
 * A stand-in for the shop hub speaking electron/contract/hub.ts, for testing the counter's side on
 * its own: pairing, expectations, and a payment stream the test feeds and cuts at will.
 */
export interface FakeHub {
  url: string;
  expectations: ExpectationRequest[];
  /** Cursors (Last-Event-ID / ?after=) each stream opened with, in order. */
  opens: Array<string | null>;
  /** Journal events received, each (id) kept once, and every batch as it came (to see resends). */
  journal: JournalEvent[];
  batches: JournalBatch[];
  /** While true, journal calls answer 503 (the hub is away for the journal only). */
  journalDown: boolean;
  /** How expectations are answered: kept (200), failing (503: the hub cannot store it), claimed (409: another counter announced that QR first). */
  expectationAnswer: 'kept' | 'failing' | 'claimed';
  push(payment: HubPayment): void;
  /** Drops every open stream (the hub restarted, the Wi-Fi blinked). */
  dropStreams(): void;
  revoke(): void;
  /** The hub is unreachable (a power cut at the shop's server): streams drop, every request's connection is cut. */
  pause(): void;
  /** Reachable again, with everything it knew. */
  resume(): void;
  streams(): number;
  close(): Promise<void>;
}

/** The pairing code a stand-in hub takes unless told another (sixteen digits, its check digit right). */
export const FAKE_HUB_CODE = '1357901357901352';

export async function startFakeHub(options: { code?: string } = {}): Promise<FakeHub> {
  const code = options.code ?? FAKE_HUB_CODE;
  const credential = 'cred_fake_0123456789abcdef';
  let revoked = false;
  let paused = false;
  const log: Array<{ id: number; payment: HubPayment }> = [];
  const open = new Set<ServerResponse>();
  const expectations: ExpectationRequest[] = [];
  const opens: Array<string | null> = [];
  const journal: JournalEvent[] = [];
  const batches: JournalBatch[] = [];
  const state = { journalDown: false, expectationAnswer: 'kept' as FakeHub['expectationAnswer'] };
  const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  const readBody = (req: IncomingMessage) => new Promise<unknown>((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c));
    req.on('end', () => resolve(text ? JSON.parse(text) : null));
  });
  const authorised = (req: IncomingMessage) => !revoked && req.headers.authorization === `Bearer ${credential}`;
  const frame = (entry: { id: number; payment: HubPayment }) => `event: payment\nid: ${entry.id}\ndata: ${JSON.stringify(entry.payment)}\n\n`;

  const server: Server = createServer(async (req, res) => {
    if (paused) {
      req.socket.destroy();
      return undefined;
    }
    const url = new URL(req.url ?? '/', 'http://hub');
    if (url.pathname === '/v1/pair' && req.method === 'POST') {
      const body = (await readBody(req)) as { code?: string; name?: string };
      if (body?.code !== code) return json(res, 401, { error: { code: 'unauthorized', message: 'That pairing code is not valid.' } });
      return json(res, 200, { terminalId: 't_1', credential, role: 'counter', shop: { id: 'shop_1', name: 'Sharma Stores' } });
    }
    if (!authorised(req)) return json(res, 401, { error: { code: 'unauthorized', message: 'This terminal is not paired.' } });
    if (url.pathname === '/v1/expectations' && req.method === 'POST') {
      const expectation = (await readBody(req)) as ExpectationRequest;
      if (state.expectationAnswer === 'failing') return json(res, 503, { error: { code: 'unavailable', message: 'The hub cannot reach its database just now; try again.' } });
      if (state.expectationAnswer === 'claimed') return json(res, 409, { error: { code: 'conflict', message: 'Another counter (or sale) announced this QR or its reference first.' } });
      expectations.push(expectation);
      return json(res, 200, { saleId: expectation.saleId, created: true });
    }
    if (url.pathname === '/v1/journal/cursor') {
      if (state.journalDown) return json(res, 503, { error: { code: 'unavailable', message: 'Journal store away.' } });
      return json(res, 200, { lastId: journal.length ? Math.max(...journal.map((e) => e.id)) : null });
    }
    if (url.pathname === '/v1/journal' && req.method === 'POST') {
      const batch = (await readBody(req)) as JournalBatch;
      if (state.journalDown) return json(res, 503, { error: { code: 'unavailable', message: 'Journal store away.' } });
      batches.push(batch);
      let accepted = 0;
      for (const event of batch.events) {
        if (journal.some((e) => e.id === event.id)) continue;
        journal.push(event);
        accepted += 1;
      }
      return json(res, 200, { accepted, duplicates: batch.events.length - accepted, lastId: journal.length ? Math.max(...journal.map((e) => e.id)) : null });
    }
    if (url.pathname === '/v1/stream') {
      const after = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? 0);
      opens.push((req.headers['last-event-id'] as string | undefined) ?? url.searchParams.get('after'));
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': hello\n\n');
      for (const entry of log) if (entry.id > after) res.write(frame(entry));
      open.add(res);
      req.on('close', () => open.delete(res));
      return undefined;
    }
    return json(res, 404, { error: { code: 'not_found', message: 'No such route.' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dropStreams = () => {
    for (const res of open) res.destroy();
    open.clear();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    expectations,
    opens,
    journal,
    batches,
    get journalDown() {
      return state.journalDown;
    },
    set journalDown(down: boolean) {
      state.journalDown = down;
    },
    get expectationAnswer() {
      return state.expectationAnswer;
    },
    set expectationAnswer(answer: FakeHub['expectationAnswer']) {
      state.expectationAnswer = answer;
    },
    push(payment) {
      const entry = { id: log.length + 1, payment };
      log.push(entry);
      for (const res of open) res.write(frame(entry));
    },
    dropStreams,
    revoke() {
      revoked = true;
      dropStreams();
    },
    pause() {
      paused = true;
      dropStreams();
    },
    resume() {
      paused = false;
    },
    streams: () => open.size,
    close: () => new Promise<void>((resolve) => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
