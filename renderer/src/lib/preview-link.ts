// The browser preview's link for one page (cashier or customer display): only the preview's
// bridges load this; the Electron app has a preload instead.
import type { PosResult } from '../../../electron/contract/errors';

export const PREVIEW_UNREACHABLE: PosResult<never> = {
  ok: false,
  error: { code: 'network', message: 'The Counter preview server is not answering. Restart it with npm run web.' },
};

export interface PreviewLink {
  /** The page's own token, from the meta tag the preview server put in its HTML. */
  token: string;
  /** The page's event stream. */
  events: EventSource;
  /**
   * Settled once the stream is connected (or after 3 s without it). Reads wait for it, so an
   * answer read before a change can never be followed by that change going unheard: the page
   * would otherwise keep, say, the old language when settings change in its first moments.
   */
  ready: Promise<void>;
}

export function openPreviewLink(tokenMeta: string, eventsPath: string): PreviewLink {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${tokenMeta}"]`)?.content ?? '';
  const events = new EventSource(`${eventsPath}?token=${encodeURIComponent(token)}`);
  const ready = new Promise<void>((resolve) => {
    events.addEventListener('open', () => resolve(), { once: true });
    setTimeout(resolve, 3000);
  });
  return { token, events, ready };
}
