import { useState } from 'react';
import { flushSync } from 'react-dom';
import type { SaleHistoryRow, SaleView, SettingsView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';
import { formatTime } from '../../i18n/dates';
import { paperOf } from '../../print/paper';
import { ReceiptSlip, SlipPortal } from '../../print/PrintSlip';
import { printText } from '../../print/strings';
import { usePrintJob } from '../../print/usePrintJob';

/** What the receipt slip needs of a sale, from its History row (the journal keeps all of it). */
export function receiptSale(row: SaleHistoryRow): SaleView {
  return {
    saleId: row.id,
    state: 'paid',
    amountPaise: row.amountPaise,
    requestedAt: row.at,
    qr: null,
    reference: row.bosReference ? { txnRef: row.bosReference, payeeName: row.payeeName ?? '', payeeVpa: row.payeeVpa ?? '' } : null,
    paidAt: row.paidAt,
    utr: row.utr,
    paidAfterExpiry: row.paidAfterExpiry,
    paidAfterCancel: row.paidAfterCancel,
    confirmedBy: row.confirmedBy,
    payment: null,
    reported: null,
    error: null,
  };
}

/**
 * Print receipt again for a paid sale, with the same slip Sell prints. The slip is mounted only for
 * the print itself: left mounted, it would be what "Print summary" (or Ctrl+P) prints next.
 */
export function ReprintReceipt({ row, settings }: { row: SaleHistoryRow; settings: SettingsView | null }) {
  const printJob = usePrintJob(false);
  const [printing, setPrinting] = useState(false);
  const paper = paperOf(settings);
  const reprint = () => {
    flushSync(() => setPrinting(true));
    try {
      printJob.print();
    } finally {
      setPrinting(false);
    }
  };
  const name = t.history.printReceiptFor(formatPaise(row.amountPaise), formatTime(row.at));
  return (
    <>
      <button type="button" className="print-button" aria-label={name} title={name} onClick={reprint}>{printText().printReceipt}</button>
      {printing && printJob.job && (
        <SlipPortal paper={paper} heightPx={printJob.job.heightPx}>
          <ReceiptSlip practice={settings?.environment === 'sandbox'} sale={receiptSale(row)} shopName={settings?.shopName ?? ''} paper={paper} slipRef={printJob.slipRef} />
        </SlipPortal>
      )}
    </>
  );
}
