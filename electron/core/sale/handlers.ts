import { err } from '../../contract/result';
import type { CounterContext } from '../settings/current';
import type { HandlersFor } from '../dispatch';

export function saleHandlers(ctx: CounterContext): HandlersFor<'sale.current' | 'sale.create' | 'sale.cancel' | 'sale.markPaid' | 'sale.markPaidLate'> {
  const { sales } = ctx;
  return {
    'sale.current': async () => ({ ok: true, value: sales.active() }),
    'sale.create': async ({ amountPaise }) => {
      if (amountPaise > ctx.settings.get().capPaise) {
        return err({ code: 'invalid_input', message: 'The amount is above this counter\'s limit per QR.' });
      }
      return sales.create(amountPaise);
    },
    'sale.cancel': async ({ saleId }) => sales.cancel(saleId),
    'sale.markPaid': async ({ saleId, ...input }) => sales.markPaid(saleId, input),
    'sale.markPaidLate': async ({ saleId, ...input }) => sales.markPaidLate(saleId, input),
  };
}
