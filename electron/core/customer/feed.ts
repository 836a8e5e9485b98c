import type { CustomerView } from '../../contract/customer';
import type { SaleView } from '../../contract/views';
import type { EventHub } from '../events';
import type { StoredSettings } from '../settings';

export interface CustomerFeedParts {
  settings: { get(): Pick<StoredSettings, 'shopName' | 'language' | 'theme' | 'environment'> };
  /** The sale that still needs the cashier, if any. */
  activeSale: () => SaleView | null;
  events: EventHub;
}

/** The customer display's feed: the open sale and how to greet, derived from the app's own events. */
export class CustomerFeed {
  constructor(private readonly parts: CustomerFeedParts) {}

  viewOf(sale: SaleView | null): CustomerView {
    const settings = this.parts.settings.get();
    return { sale, shopName: settings.shopName, language: settings.language, theme: settings.theme, training: settings.environment === 'sandbox' };
  }

  /** The customer sees a sale only while it is being made or shown; one left from before a restart is the cashier's business. */
  view(): CustomerView {
    const active = this.parts.activeSale();
    return this.viewOf(active && (active.state === 'creating' || active.state === 'showing') ? active : null);
  }

  /** Each sale change as it is, and on a settings change (shop name, language, look) the view again. */
  subscribe(listener: (view: CustomerView) => void): () => void {
    return this.parts.events.subscribe((event, payload) => {
      if (event === 'sale.changed') listener(this.viewOf(payload as SaleView | null));
      else if (event === 'settings.changed') listener(this.view());
    });
  }
}
