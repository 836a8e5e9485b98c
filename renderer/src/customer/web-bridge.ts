// Installs window.customer over HTTP in the browser preview (electron/web). Loaded only when no
// preload provided it. It carries the customer display's own token, which the preview server
// accepts for the customer view and its changes and refuses everywhere else.
import { CUSTOMER_PREVIEW, type CustomerApi, type CustomerView } from '../../../electron/contract/customer';
import type { PosResult } from '../../../electron/contract/errors';
import { PREVIEW_UNREACHABLE, openPreviewLink } from '../lib/preview-link';

const { token, events, ready } = openPreviewLink(CUSTOMER_PREVIEW.tokenMeta, CUSTOMER_PREVIEW.events);

async function view(): Promise<PosResult<CustomerView>> {
  await ready;
  try {
    const response = await fetch(CUSTOMER_PREVIEW.view, { headers: { 'X-Counter-Token': token } });
    if (!response.ok) return PREVIEW_UNREACHABLE;
    return (await response.json()) as PosResult<CustomerView>;
  } catch {
    return PREVIEW_UNREACHABLE;
  }
}

const listeners = new Set<(view: CustomerView) => void>();
events.addEventListener('customer.changed', (message) => {
  const payload = JSON.parse((message as MessageEvent<string>).data) as CustomerView;
  for (const listener of listeners) listener(payload);
});
// After a dropped connection comes back, changes may have been missed: read the view again.
let opened = false;
events.addEventListener('open', () => {
  if (!opened) {
    opened = true;
    return;
  }
  void view().then((result) => {
    if (result.ok) for (const listener of listeners) listener(result.value);
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
