import { err, ok } from '../../contract/result';
import type { BosLink } from '../bos';
import type { HandlersFor } from '../dispatch';
import type { Sales } from './sales';

export interface SaleParts {
  sales: Sales;
  /** The most one QR may ask for (the owner's setting). */
  capPaise: () => number;
  /** The embedded sandbox plays the customer in training. */
  bos: Pick<BosLink, 'sandbox' | 'isSandbox'>;
}

type SaleOperations = 'sale.current' | 'sale.create' | 'sale.cancel' | 'sale.markPaid' | 'sale.markPaidLate' | 'sale.simulatePayment' | 'payments.late' | 'payments.settleLate';

export function saleHandlers({ sales, capPaise, bos }: SaleParts): HandlersFor<SaleOperations> {
  return {
    'sale.current': async () => ok(sales.active()),
    'sale.create': async ({ amountPaise }) => {
      if (amountPaise > capPaise()) {
        return err({ code: 'invalid_input', message: 'The amount is above this counter\'s limit per QR.' });
      }
      return sales.create(amountPaise);
    },
    'sale.cancel': async ({ saleId }) => sales.cancel(saleId),
    'sale.markPaid': async ({ saleId, ...input }) => sales.markPaid(saleId, input),
    'sale.markPaidLate': async ({ saleId, ...input }) => sales.markPaidLate(saleId, input),
    'payments.late': async () => ok(sales.latePayments()),
    'payments.settleLate': async ({ saleId }) => sales.settleLateRefunded(saleId),
    'sale.simulatePayment': async ({ saleId, amountPaise }) => {
      const sandbox = bos.sandbox();
      const showing = sales.showing();
      if (!sandbox || !bos.isSandbox()) return err({ code: 'not_allowed', message: 'Only the sandbox can pretend to be a customer. In live mode the customer pays from their phone.' });
      if (!showing || showing.view.saleId !== saleId) return err({ code: 'not_found', message: 'That QR is no longer on screen.' });
      const paid = sandbox.control.pay({ qrId: showing.qr.qrId, ...(amountPaise !== undefined ? { amountPaise } : {}) });
      if (!paid.ok) return err({ code: 'not_allowed', message: `The sandbox did not take the payment: ${paid.error.message}` });
      return ok(showing.view);
    },
  };
}
