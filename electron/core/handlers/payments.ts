import { err, ok } from '../../contract/result';
import type { CounterContext } from '../settings/current';
import type { HandlersFor } from '../dispatch';

export function paymentHandlers(ctx: CounterContext): HandlersFor<'payments.late' | 'payments.settleLate' | 'sale.simulatePayment'> {
  return {
    'payments.late': async () => ok(ctx.sales.latePayments()),
    'payments.settleLate': async ({ saleId }) => ctx.sales.settleLateRefunded(saleId),
    'sale.simulatePayment': async ({ saleId, amountPaise }) => {
      const sandbox = ctx.bos.sandbox();
      const showing = ctx.sales.showing();
      if (!sandbox || !ctx.bos.isSandbox()) return err({ code: 'not_allowed', message: 'Only the sandbox can pretend to be a customer. In live mode the customer pays from their phone.' });
      if (!showing || showing.view.saleId !== saleId) return err({ code: 'not_found', message: 'That QR is no longer on screen.' });
      const paid = sandbox.control.pay({ qrId: showing.qr.qrId, ...(amountPaise !== undefined ? { amountPaise } : {}) });
      if (!paid.ok) return err({ code: 'not_allowed', message: `The sandbox did not take the payment: ${paid.error.message}` });
      return ok(showing.view);
    },
  };
}
