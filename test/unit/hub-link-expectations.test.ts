// The QRs a counter tells its hub: one the hub refuses as it is (a 4xx) is not sent again but shown, one
// that did not get through (away, busy, failing) is sent again until the hub has it, never sooner than a
// busy hub's Retry-After, the cashier sees which QRs the hub has not got, and the list is bounded.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HUB_ROUTES, type ExpectationRequest } from '../../electron/contract/hub';
import type { HubView } from '../../electron/contract/views';
import { HubLink } from '../../electron/core/hub-link/link';

type ExpectationAnswer = 'kept' | 'refused' | 'claimed' | 'unreachable' | 'failing' | { busyForSeconds: number };

/** A hub whose stream can be dropped (each drop reopens it) and whose expectation answers the test sets. */
function hubFor() {
  const sent: string[] = [];
  const sentAt: number[] = [];
  const streams: Array<ReadableStreamDefaultController<Uint8Array>> = [];
  let opens = 0;
  const state = { answer: 'kept' as ExpectationAnswer };
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    if (url.pathname === HUB_ROUTES.stream) {
      opens += 1;
      const body = new ReadableStream<Uint8Array>({ start: (controller) => void streams.push(controller) });
      init?.signal?.addEventListener('abort', () => body.cancel().catch(() => undefined));
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }
    if (url.pathname === HUB_ROUTES.expectations) {
      sent.push((JSON.parse(String(init?.body)) as ExpectationRequest).saleId);
      sentAt.push(Date.now());
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
      const answer = state.answer;
      if (answer === 'unreachable') throw new TypeError('fetch failed');
      if (answer === 'refused') return json(400, { error: { code: 'bad_request', message: 'That QR is not this counter\'s.' } });
      if (answer === 'claimed') return json(409, { error: { code: 'conflict', message: 'Another counter announced this QR first.' } });
      if (answer === 'failing') return json(503, { error: { code: 'unavailable', message: 'The hub cannot reach its database just now; try again.' } });
      if (typeof answer === 'object') {
        state.answer = 'kept';
        return json(429, { error: { code: 'rate_limited', message: 'Too many requests.' } }, { 'Retry-After': String(answer.busyForSeconds) });
      }
      return json(200, { created: true });
    }
    return new Response('{}', { status: 404 });
  };
  return {
    sent,
    sentAt,
    state,
    opens: () => opens,
    /** Ends the open stream as a hub restart would; the link reopens it and resends what it still holds. */
    drop: () => streams.splice(0).forEach((c) => c.close()),
    fetch: fetchImpl as typeof fetch,
  };
}

const expectation = (saleId: string): ExpectationRequest => ({ saleId, qrId: `qr_${saleId}`, txnRef: `T${saleId}`, tr: null, amountPaise: 10_000, expiresAt: null });

let link: HubLink | null = null;
afterEach(() => link?.stop());

async function linked(hub: ReturnType<typeof hubFor>, retryMs = 5, onChange: (view: HubView) => void = () => undefined): Promise<HubLink> {
  link = new HubLink({
    fetch: hub.fetch,
    config: () => ({ url: 'http://127.0.0.1:9', credential: 'c'.repeat(32), role: 'counter', shopName: 'Sharma Stores', embedded: false }),
    cursor: { get: () => null, set: () => undefined },
    onPayment: async () => undefined,
    onChange,
    backoff: { firstMs: retryMs, factor: 1, maxMs: retryMs },
  });
  link.restart();
  await vi.waitFor(() => expect(link!.view().state).toBe('connected'), { timeout: 2_000, interval: 5 });
  return link;
}

async function reconnect(hub: ReturnType<typeof hubFor>, l: HubLink): Promise<void> {
  const opens = hub.opens();
  hub.drop();
  await vi.waitFor(() => {
    expect(hub.opens()).toBeGreaterThan(opens);
    expect(l.view().state).toBe('connected');
  }, { timeout: 2_000, interval: 5 });
}

/** For what must not happen: time enough for a resend, which goes out as the stream opens, to be counted. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the expectations a counter tells its hub', () => {
  it('one the hub refused as it is (400) is not sent again, even at the next connection; one that did not get through is sent until the hub has it, then no more', async () => {
    const hub = hubFor();
    const l = await linked(hub);
    hub.state.answer = 'refused';
    l.expect(expectation('s_refused'));
    await vi.waitFor(() => expect(hub.sent).toEqual(['s_refused']), { timeout: 2_000, interval: 5 });
    hub.state.answer = 'unreachable';
    l.expect(expectation('s_away'));
    await vi.waitFor(() => expect(hub.sent.filter((s) => s === 's_away').length).toBeGreaterThanOrEqual(3), { timeout: 2_000, interval: 5 });

    hub.state.answer = 'kept';
    await vi.waitFor(() => expect(l.view().qrsNotKnown).toEqual([{ saleId: 's_refused', refused: true }]), { timeout: 2_000, interval: 5 });
    const sentOnce = hub.sent.length;
    await reconnect(hub, l);
    await settle();
    expect(hub.sent.slice(sentOnce)).toEqual([]);
    expect(hub.sent.filter((s) => s === 's_refused')).toHaveLength(1);
  });

  it('one the hub failed to keep (503) is sent again with backoff, without waiting for a reconnection, until the hub has it', async () => {
    const hub = hubFor();
    const l = await linked(hub);
    hub.state.answer = 'failing';
    l.expect(expectation('s_failing'));
    await vi.waitFor(() => expect(hub.sent.length).toBeGreaterThanOrEqual(3), { timeout: 2_000, interval: 5 });
    expect(hub.opens()).toBe(1);
    hub.state.answer = 'kept';
    await vi.waitFor(() => expect(l.view().qrsNotKnown).toEqual([]), { timeout: 2_000, interval: 5 });
    const kept = hub.sent.length;
    await settle();
    expect(hub.sent.length).toBe(kept);
  });

  it('one a busy hub refused (429, Retry-After: 1) is sent again after that second, not sooner, and without a reconnection', async () => {
    const hub = hubFor();
    const l = await linked(hub);
    hub.state.answer = { busyForSeconds: 1 };
    l.expect(expectation('s_busy'));
    await vi.waitFor(() => expect(hub.sent).toEqual(['s_busy', 's_busy']), { timeout: 5_000, interval: 10 });
    expect(hub.sentAt[1]! - hub.sentAt[0]!).toBeGreaterThanOrEqual(990);
    expect(hub.opens()).toBe(1);
    await vi.waitFor(() => expect(l.view().qrsNotKnown).toEqual([]), { timeout: 2_000, interval: 5 });
  });

  it('tells the cashier which QRs the hub has not got (a claim it refused stays so), and tells again once it has them', async () => {
    const hub = hubFor();
    const views: HubView[] = [];
    const l = await linked(hub, 50, (v) => views.push(v));
    hub.state.answer = 'unreachable';
    l.expect(expectation('s_waiting'));
    await vi.waitFor(() => expect(l.view().qrsNotKnown).toEqual([{ saleId: 's_waiting', refused: false }]), { timeout: 2_000, interval: 5 });
    hub.state.answer = 'claimed';
    l.expect(expectation('s_claimed'));
    await vi.waitFor(() => expect(l.view().qrsNotKnown).toContainEqual({ saleId: 's_claimed', refused: true }), { timeout: 2_000, interval: 5 });
    hub.state.answer = 'kept';
    await vi.waitFor(() => expect(l.view().qrsNotKnown).toEqual([{ saleId: 's_claimed', refused: true }]), { timeout: 2_000, interval: 5 });
    // Each change went to the screens as it happened: the last view they were sent is the link's own.
    expect(views.at(-1)?.qrsNotKnown).toEqual(l.view().qrsNotKnown);
    expect(views.some((v) => v.qrsNotKnown.some((q) => q.saleId === 's_waiting'))).toBe(true);
  });

  it('with the hub away for a long day, the list it sends again is bounded (the latest 500 of 600), each sent until the hub has it', async () => {
    const hub = hubFor();
    const l = await linked(hub, 200);
    hub.state.answer = 'unreachable';
    for (let i = 0; i < 600; i += 1) l.expect(expectation(`s_${i}`));
    // Each is sent as it is shown: the first 600 calls are those, in order.
    expect(hub.sent.slice(0, 600)).toEqual(Array.from({ length: 600 }, (_, i) => `s_${i}`));

    hub.state.answer = 'kept';
    await reconnect(hub, l);
    await vi.waitFor(() => expect(l.view().qrsNotKnown).toEqual([]), { timeout: 5_000, interval: 5 });
    await settle();
    expect(new Set(hub.sent.slice(600))).toEqual(new Set(Array.from({ length: 500 }, (_, i) => `s_${i + 100}`)));
  });
});
