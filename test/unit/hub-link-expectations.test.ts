// The QRs a counter tells its hub: one the hub refuses as it is (a 4xx) is not sent again at every
// reconnect, one that did not get through is, and a counter whose hub is away keeps a bounded list.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HUB_ROUTES, type ExpectationRequest } from '../../electron/contract/hub';
import { HubLink } from '../../electron/core/hub-link/link';

type ExpectationAnswer = 'kept' | 'refused' | 'unreachable';

/** A hub whose stream can be dropped (each drop reopens it) and whose expectation answers the test sets. */
function hubFor() {
  const sent: string[] = [];
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
      if (state.answer === 'unreachable') throw new TypeError('fetch failed');
      if (state.answer === 'refused') return new Response(JSON.stringify({ error: { code: 'bad_request', message: 'That QR is not this counter\'s.' } }), { status: 400, headers: { 'content-type': 'application/json' } });
      return new Response(JSON.stringify({ created: true }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return new Response('{}', { status: 404 });
  };
  return {
    sent,
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

async function linked(hub: ReturnType<typeof hubFor>): Promise<HubLink> {
  link = new HubLink({
    fetch: hub.fetch,
    config: () => ({ url: 'http://127.0.0.1:9', credential: 'c'.repeat(32), role: 'counter', shopName: 'Sharma Stores', embedded: false }),
    cursor: { get: () => null, set: () => undefined },
    onPayment: async () => undefined,
    onChange: () => undefined,
    backoff: { firstMs: 5, factor: 1, maxMs: 5 },
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
  it('one the hub refused as it is (400) is not sent again at the next connection; one that did not get through is', async () => {
    const hub = hubFor();
    const l = await linked(hub);
    hub.state.answer = 'refused';
    l.expect(expectation('s_refused'));
    await vi.waitFor(() => expect(hub.sent).toEqual(['s_refused']), { timeout: 2_000, interval: 5 });
    hub.state.answer = 'unreachable';
    l.expect(expectation('s_away'));
    await vi.waitFor(() => expect(hub.sent).toEqual(['s_refused', 's_away']), { timeout: 2_000, interval: 5 });

    hub.state.answer = 'kept';
    await reconnect(hub, l);
    await vi.waitFor(() => expect(hub.sent).toHaveLength(3), { timeout: 2_000, interval: 5 });
    await settle();
    expect(hub.sent).toEqual(['s_refused', 's_away', 's_away']);
    // Kept now: not sent a third time.
    await reconnect(hub, l);
    await settle();
    expect(hub.sent).toEqual(['s_refused', 's_away', 's_away']);
  });

  it('with the hub away for a long day, the list it resends is bounded (the latest 500 of 600)', async () => {
    const hub = hubFor();
    const l = await linked(hub);
    hub.state.answer = 'unreachable';
    for (let i = 0; i < 600; i += 1) l.expect(expectation(`s_${i}`));
    await vi.waitFor(() => expect(hub.sent.length).toBe(600), { timeout: 5_000, interval: 5 });

    hub.state.answer = 'kept';
    await reconnect(hub, l);
    await vi.waitFor(() => expect(hub.sent.length).toBeGreaterThanOrEqual(1_100), { timeout: 5_000, interval: 5 });
    await settle();
    const resent = hub.sent.slice(600);
    expect(resent).toHaveLength(500);
    expect(new Set(resent)).toEqual(new Set(Array.from({ length: 500 }, (_, i) => `s_${i + 100}`)));
  });
});
