import type { CustomerApi } from './customer';
import type { PosApi } from './operations';

declare global {
  interface Window {
    pos: PosApi;
    /** Only in the customer display's window (its own preload); the cashier window has none. */
    customer: CustomerApi;
  }
}
export {};
