import type { SaleView, SettingsView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';
import { paperOf } from '../../print/paper';
import { ReceiptSlip, SlipPortal } from '../../print/PrintSlip';
import { printText } from '../../print/strings';
import { usePrintJob } from '../../print/usePrintJob';

/** The large green confirmation; Next sale (or Enter, handled in SellScreen) starts afresh; Print receipt prints the slip. */
export function PaidDone({ sale, settings, onNext }: { sale: SaleView; settings: SettingsView | null; onNext: () => void }) {
  const printJob = usePrintJob();
  const paper = paperOf(settings);
  return (
    <section className="paid-done" role="status">
      <p className="paid-title">
        {t.sell.paidDone} <span data-testid="paid-amount">{formatPaise(sale.amountPaise)}</span>
      </p>
      {sale.utr && <p className="paid-note">{t.sell.paidUtr(sale.utr)}</p>}
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
