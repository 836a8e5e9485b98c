// The browser preview's link for one page (cashier or customer display): only the preview's
// bridges load this; the Electron app has a preload instead.
import type { PosResult } from '../../../electron/contract/errors';
import { createEventParser, reconnectDelayMs } from './event-stream';
import { LINK_LOST_EVENT, LINK_RECONNECTED_EVENT } from './link-events';

export const PREVIEW_UNREACHABLE: PosResult<never> = {
  ok: false,
  error: { code: 'network', message: 'The Counter preview server is not answering. Restart it with npm run web.' },
};

/** The header that carries a page's token: never a URL, which ends up in logs and history. */
export const TOKEN_HEADER = 'X-Counter-Token';

/** Told on the page's window each time the link is back after losing its server (the bridges re-read what they show). */
export const RECONNECTED_EVENT = LINK_RECONNECTED_EVENT;

export interface PreviewLinkOptions {
  /** The meta tag the preview server puts the page's token in. */
  tokenMeta: string;
  /** The page's event stream. */
  eventsPath: string;
  /** The page itself, read again for a new token when the server restarted. */
  pagePath: string;
}

export interface PreviewLink {
  /**
   * A request to this page's own server with its token. A 403 means the server restarted with a
   * new token (it refused before doing anything): the token is read again and the request sent once more.
   * Rejects when the server cannot be reached.
   */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Each event of one name from the stream, as its raw data. */
  on(event: string, listener: (data: string) => void): void;
  /** After the stream came back from a lost connection: what was missed meanwhile must be read again. */
  onReconnected(listener: () => void): void;
  /**
   * Settled once the stream is connected (or after 3 s without it). Reads wait for it, so an
   * answer read before a change can never be followed by that change going unheard: the page
   * would otherwise keep, say, the old language when settings change in its first moments.
   */
  ready: Promise<void>;
}

const readMeta = (doc: Document, name: string) => doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function openPreviewLink(options: PreviewLinkOptions): PreviewLink {
  let token = readMeta(document, options.tokenMeta);
  let refreshing: Promise<void> | null = null;
  const listeners = new Map<string, Set<(data: string) => void>>();
  const reconnected = new Set<() => void>();
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
    setTimeout(resolve, 3000);
  });

  // One re-read at a time, however many requests were refused together.
  const refreshToken = () =>
    (refreshing ??= fetch(options.pagePath, { cache: 'no-store' })
      .then((page) => page.text())
      .then((html) => {
        const fresh = readMeta(new DOMParser().parseFromString(html, 'text/html'), options.tokenMeta);
        if (fresh) token = fresh;
      })
      .catch(() => undefined)
      .finally(() => {
        refreshing = null;
      }));

  const send = (path: string, init: RequestInit) => fetch(path, { ...init, cache: 'no-store', headers: { ...(init.headers as Record<string, string> | undefined), [TOKEN_HEADER]: token } });

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const used = token;
    const first = await send(path, init);
    if (first.status !== 403) return first;
    if (token === used) await refreshToken();
    return token === used ? first : send(path, init);
  }

  const deliver = ({ event, data }: { event: string; data: string }) => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(data);
      } catch {
        // One listener's trouble is its own: the stream and the other listeners go on.
      }
    }
  };

  async function follow(): Promise<void> {
    let connectedBefore = false;
    for (let failures = 0; ; ) {
      try {
        const response = await request(options.eventsPath, { headers: { Accept: 'text/event-stream' } });
        if (response.ok && response.body) {
          failures = 0;
          markReady();
          if (connectedBefore) {
            for (const listener of reconnected) listener();
            window.dispatchEvent(new Event(RECONNECTED_EVENT));
          }
          connectedBefore = true;
          // A fresh parser per connection: half an event left by a dropped one is never delivered.
          const parse = createEventParser(deliver);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            parse(value);
          }
        }
      } catch {
        // The server went away (or never came): try again below.
      }
      // Only a stream that was up can be lost: the screens say so until it is back.
      if (connectedBefore && failures === 0) window.dispatchEvent(new Event(LINK_LOST_EVENT));
      await sleep(reconnectDelayMs(failures));
      failures += 1;
    }
  }
  void follow();

  return {
    request,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
    },
    onReconnected: (listener) => void reconnected.add(listener),
    ready,
  };
}
