import type { CustomerDisplayStatus, CustomerView } from '../../contract/customer';
import type { SaleView } from '../../contract/views';
import { ok } from '../../contract/result';
import type { CounterContext } from '../settings/current';
import type { HandlersFor } from '../dispatch';

/** Where the browser preview serves the customer display (electron/web/server.ts). */
const PREVIEW_CUSTOMER_DISPLAY: CustomerDisplayStatus = { placement: 'browser', displayId: null, path: '/customer.html' };

export interface CustomerDeps {
  /** Electron: opens the customer display window. Absent in the preview, where the display is a page of its own. */
  openCustomerDisplay?: () => Promise<CustomerDisplayStatus>;
}

/** The customer display's feed: the open sale and how to greet, derived from the app's own events. */
export class CustomerFeed {
  constructor(private readonly ctx: CounterContext) {}

  viewOf(sale: SaleView | null): CustomerView {
    const settings = this.ctx.settings.get();
    return { sale, shopName: settings.shopName, language: settings.language, theme: settings.theme, training: settings.environment === 'sandbox' };
  }

  /** The customer sees a sale only while it is being made or shown; one left from before a restart is the cashier's business. */
  view(): CustomerView {
    const active = this.ctx.sales.active();
    return this.viewOf(active && (active.state === 'creating' || active.state === 'showing') ? active : null);
  }

  /** Each sale change as it is, and on a settings change (shop name, language, look) the view again. */
  subscribe(listener: (view: CustomerView) => void): () => void {
    return this.ctx.events.subscribe((event, payload) => {
      if (event === 'sale.changed') listener(this.viewOf(payload as SaleView | null));
      else if (event === 'settings.changed') listener(this.view());
    });
  }
}

export function customerHandlers(deps: CustomerDeps): HandlersFor<'customer.open'> {
  return {
    'customer.open': async () => ok(deps.openCustomerDisplay ? await deps.openCustomerDisplay() : PREVIEW_CUSTOMER_DISPLAY),
  };
}
