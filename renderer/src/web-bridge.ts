// Installs window.pos over HTTP in the browser preview (electron/web). Loaded only
// when no preload provided window.pos, so the Electron app never ships it in use.
import { POS_EVENTS, POS_METHODS, type EventName, type PosApi } from '../../electron/contract/operations';
import type { PosResult } from '../../electron/contract/errors';
import { PREVIEW_UNREACHABLE, openPreviewLink } from './lib/preview-link';

const link = openPreviewLink({ tokenMeta: 'counter-preview-token', eventsPath: '/pos-events', pagePath: '/' });
/** Settled once the event stream is up (or given up on): the reads asked before it go out then. */
export const streamReady = link.ready;

const isResult = (value: unknown): value is PosResult<unknown> => typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

async function call(operation: string, input: unknown): Promise<PosResult<unknown>> {
  await link.ready;
  try {
    const response = await link.request(`/pos/${encodeURIComponent(operation)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input === undefined ? {} : { input }),
    });
    const body: unknown = await response.json();
    // A refusal that is not an operation's answer (a token no server knows any more, a wrong host) reads as unreachable.
    return isResult(body) ? body : PREVIEW_UNREACHABLE;
  } catch {
    return PREVIEW_UNREACHABLE;
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
/** Pushes heard per event: a read made on reconnection is dropped when a push overtook it. */
const heard = new Map<EventName, number>();

function deliver(event: EventName, payload: unknown): void {
  for (const each of listeners.get(event) ?? []) each(payload);
}

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  let set = listeners.get(event);
  if (!set) {
    const created = new Set<(payload: unknown) => void>();
    listeners.set(event, created);
    link.on(event, (data) => {
      heard.set(event, (heard.get(event) ?? 0) + 1);
      deliver(event, JSON.parse(data));
    });
    set = created;
  }
  set.add(listener);
  return () => set.delete(listener);
}

// Back from a lost server (restarted, or the PC slept): what each event would have said
// meanwhile is read again and told to its listeners as if pushed, so the screens follow.
const REREAD: ReadonlyArray<[EventName, string]> = [
  [POS_EVENTS.onSaleChanged, POS_METHODS.currentSale],
  [POS_EVENTS.onSettingsChanged, POS_METHODS.getSettings],
  [POS_EVENTS.onOwnerChanged, POS_METHODS.ownerStatus],
];
link.onReconnected(() => {
  for (const [event, operation] of REREAD) {
    if (!listeners.get(event)?.size) continue;
    const before = heard.get(event) ?? 0;
    void call(operation, undefined).then((result) => {
      if (result.ok && (heard.get(event) ?? 0) === before) deliver(event, result.value);
    });
  }
});

const api: Record<string, unknown> = {};
for (const [name, operation] of Object.entries(POS_METHODS)) api[name] = (input?: unknown) => call(operation, input);
for (const [name, event] of Object.entries(POS_EVENTS)) api[name] = (listener: (payload: unknown) => void) => subscribe(event, listener);

Object.defineProperty(window, 'pos', { value: Object.freeze(api) as unknown as PosApi, writable: false, configurable: false });
