// Installs window.customer over HTTP in the browser preview (electron/web). Loaded only when no
// preload provided it. The page is served from its own origin (a second loopback port) with its
// own token, which the preview accepts for the customer view and its changes and nothing else.
import { CUSTOMER_PREVIEW, type CustomerApi, type CustomerView } from '../../../electron/contract/customer';
import type { PosResult } from '../../../electron/contract/errors';
import { PREVIEW_UNREACHABLE, openPreviewLink } from '../lib/preview-link';

const link = openPreviewLink({ tokenMeta: CUSTOMER_PREVIEW.tokenMeta, eventsPath: CUSTOMER_PREVIEW.events, pagePath: CUSTOMER_PREVIEW.page });

async function view(): Promise<PosResult<CustomerView>> {
  await link.ready;
  try {
    const response = await link.request(CUSTOMER_PREVIEW.view);
    if (!response.ok) return PREVIEW_UNREACHABLE;
    return (await response.json()) as PosResult<CustomerView>;
  } catch {
    return PREVIEW_UNREACHABLE;
  }
}

const listeners = new Set<(view: CustomerView) => void>();
let pushes = 0;
const deliver = (next: CustomerView) => {
  for (const listener of listeners) listener(next);
};
link.on('customer.changed', (data) => {
  pushes += 1;
  deliver(JSON.parse(data) as CustomerView);
});
// Back after a dropped connection: changes may have been missed, so the view is read again
// (and dropped if a push overtook the read).
link.onReconnected(() => {
  const before = pushes;
  void view().then((result) => {
    if (result.ok && pushes === before) deliver(result.value);
  });
});

const api: CustomerApi = Object.freeze({
  view,
  onChange(listener: (next: CustomerView) => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
});

Object.defineProperty(window, 'customer', { value: api, writable: false, configurable: false });
