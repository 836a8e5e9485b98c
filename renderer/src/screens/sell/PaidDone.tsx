import type { SaleView, SettingsView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';
import { paperOf } from '../../print/paper';
import { ReceiptSlip, SlipPortal } from '../../print/PrintSlip';
import { printText } from '../../print/strings';
import { usePrintJob } from '../../print/usePrintJob';

/**
 * The large green confirmation: "₹250.00 received — confirmed by BOS" with BOS's UTR and the
 * payer when BOS said so, "Paid ✓ … Marked paid by hand" when a person did. Next sale (or Enter,
 * handled in SellScreen) starts afresh; Print receipt prints the slip.
 */
export function PaidDone({ sale, settings, onNext }: { sale: SaleView; settings: SettingsView | null; onNext: () => void }) {
  const printJob = usePrintJob();
  const paper = paperOf(settings);
  const byBos = sale.confirmedBy === 'bos';
  const amount = <span data-testid="paid-amount">{formatPaise(sale.amountPaise)}</span>;
  return (
    <section className={byBos ? 'paid-done by-bos' : 'paid-done'} role="status" data-confirmed-by={sale.confirmedBy ?? 'person'}>
      {byBos ? (
        <p className="paid-title">
          <span className="paid-big">{amount}</span> <span className="paid-how">{t.sell.receivedBos}</span>
        </p>
      ) : (
        <p className="paid-title">
          {t.sell.paidDone} {amount}
        </p>
      )}
      {sale.utr && <p className="paid-note" data-testid="paid-utr">{t.sell.paidUtr(sale.utr)}</p>}
      {byBos && sale.payment?.payerVpa && <p className="paid-note payer">{t.sell.payer(sale.payment.payerVpa)}</p>}
      {!byBos && <p className="paid-note">{t.sell.paidByHand}</p>}
      {sale.paidAfterExpiry && <p className="paid-note">{t.sell.paidLate}</p>}
      <div className="paid-actions">
        <button type="button" className="primary big" autoFocus onClick={onNext}>{t.sell.nextSale}</button>
        <button type="button" className="big print-button" onClick={printJob.print}>{printText().printReceipt}</button>
      </div>
      <p className="hint">{t.sell.nextSaleHint}</p>
      {printJob.job && (
        <SlipPortal paper={paper} heightPx={printJob.job.heightPx}>
          <ReceiptSlip practice={settings?.environment === 'sandbox'} sale={sale} shopName={settings?.shopName ?? ''} paper={paper} slipRef={printJob.slipRef} />
        </SlipPortal>
      )}
    </section>
  );
}
