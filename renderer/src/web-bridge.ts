// Installs window.pos over HTTP in the browser preview (electron/web). Loaded only
// when no preload provided window.pos, so the Electron app never ships it in use.
import { POS_EVENTS, POS_METHODS, type EventName, type PosApi } from '../../electron/contract/operations';
import type { PosResult } from '../../electron/contract/errors';
import { PREVIEW_UNREACHABLE, openPreviewLink } from './lib/preview-link';

const { token, events, ready } = openPreviewLink('counter-preview-token', '/pos-events');

async function call(operation: string, input: unknown): Promise<PosResult<unknown>> {
  await ready;
  try {
    const response = await fetch(`/pos/${encodeURIComponent(operation)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Counter-Token': token },
      body: JSON.stringify(input === undefined ? {} : { input }),
    });
    return (await response.json()) as PosResult<unknown>;
  } catch {
    return PREVIEW_UNREACHABLE;
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  let set = listeners.get(event);
  if (!set) {
    const created = new Set<(payload: unknown) => void>();
    listeners.set(event, created);
    events.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const each of created) each(payload);
    });
    set = created;
  }
  set.add(listener);
  return () => set.delete(listener);
}

const api: Record<string, unknown> = {};
for (const [name, operation] of Object.entries(POS_METHODS)) api[name] = (input?: unknown) => call(operation, input);
for (const [name, event] of Object.entries(POS_EVENTS)) api[name] = (listener: (payload: unknown) => void) => subscribe(event, listener);

Object.defineProperty(window, 'pos', { value: Object.freeze(api) as unknown as PosApi, writable: false, configurable: false });
