import type { SaleView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';

/** The large green confirmation; Next sale (or Enter, handled in SellScreen) starts afresh. */
export function PaidDone({ sale, onNext }: { sale: SaleView; onNext: () => void }) {
  return (
    <section className="paid-done" role="status">
      <p className="paid-title">
        {t.sell.paidDone} <span data-testid="paid-amount">{formatPaise(sale.amountPaise)}</span>
      </p>
      {sale.utr && <p className="paid-note">{t.sell.paidUtr(sale.utr)}</p>}
      {sale.paidAfterExpiry && <p className="paid-note">{t.sell.paidLate}</p>}
      <button type="button" className="primary big" autoFocus onClick={onNext}>{t.sell.nextSale}</button>
      <p className="hint">{t.sell.nextSaleHint}</p>
    </section>
  );
}
