import type { CustomerDisplayStatus } from '../../contract/customer';
import { ok } from '../../contract/result';
import type { HandlersFor } from '../dispatch';

/** Where the browser preview serves the customer display (electron/web/server.ts). */
const PREVIEW_CUSTOMER_DISPLAY: CustomerDisplayStatus = { placement: 'browser', displayId: null, path: '/customer.html' };

export interface CustomerDeps {
  /** Electron: opens the customer display window. Absent in the preview, where the display is a page of its own. */
  openCustomerDisplay?: () => Promise<CustomerDisplayStatus>;
}

export function customerHandlers(deps: CustomerDeps): HandlersFor<'customer.open'> {
  return {
    'customer.open': async () => ok(deps.openCustomerDisplay ? await deps.openCustomerDisplay() : PREVIEW_CUSTOMER_DISPLAY),
  };
}
