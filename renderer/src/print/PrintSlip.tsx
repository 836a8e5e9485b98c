import type { ReactNode, Ref } from 'react';
import { createPortal } from 'react-dom';
import type { QrView, SaleView } from '../../../electron/contract';
import { formatPaise } from '../../../electron/contract/money';
import { QrSvg } from '../components/QrCode';
import { withQuietZone } from '../components/qr-path';
import { useQrMatrix } from '../hooks/useQrMatrix';
import { PAPER, moduleMm, pageRule, type PaperWidth } from './paper';
import { printText } from './strings';
import { formatDateTime, formatTime } from '../i18n/dates';
import { expiryForPrint } from './time';
import './print.css';

/** The moment Print was pressed: the monotonic clock for time left, the calendar clock for the printed time of day. */
export interface PrintStamp {
  perf: number;
  wall: number;
}

export const printStampNow = (): PrintStamp => ({ perf: performance.now(), wall: Date.now() });

/**
 * The slip's root, straight under <body>: invisible and out of the way on screen (but laid out, so
 * its height can be measured for the roll's page length), the only thing printed (print.css).
 * `heightPx` null: not measured yet, the roll's page gets a default length.
 */
export function SlipPortal({ paper, heightPx, children }: { paper: PaperWidth; heightPx: number | null; children: ReactNode }) {
  return createPortal(
    <div className="print-slip-root" data-paper={paper} data-testid="print-slip-root">
      <style>{pageRule(paper, heightPx)}</style>
      {children}
    </div>,
    document.body,
  );
}

/** The QR drawn in millimetres: whole printer dots per module, as large as the paper allows. */
function PrintedQr({ intent, paper, label }: { intent: string; paper: PaperWidth; label: string }) {
  const matrix = useQrMatrix(intent);
  if (!matrix) return null;
  const modules = withQuietZone(matrix);
  return <QrSvg matrix={matrix} side={`${moduleMm(modules, PAPER[paper].qrMaxMm) * modules}mm`} label={label} className="slip-qr" />;
}

interface SlipFrameProps {
  paper: PaperWidth;
  kind: 'qr' | 'receipt' | 'refund';
  practice: boolean;
  slipRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}

function SlipFrame({ paper, kind, practice, slipRef, children }: SlipFrameProps) {
  return (
    <div className={`print-slip slip-${kind}`} data-paper={paper} data-testid={`print-slip-${kind}`} style={{ width: `${PAPER[paper].printableMm}mm` }} ref={slipRef}>
      {practice && <p className="slip-practice">{printText().practice}</p>}
      {children}
      {practice && <p className="slip-practice">{printText().practice}</p>}
    </div>
  );
}

/** Shop name as the owner set it, else the payee BOS named (what the customer's UPI app will show). */
const shopOf = (shopName: string, payee: { payeeName: string; payeeVpa: string } | null): string => shopName.trim() || payee?.payeeName || payee?.payeeVpa || '';

export interface QrSlipProps {
  /** The sandbox: the slip says it is practice, top and bottom. */
  practice: boolean;
  sale: SaleView;
  qr: QrView;
  /** The countdown's deadline (performance.now() clock). */
  deadline: number;
  shopName: string;
  paper: PaperWidth;
  stamp: PrintStamp;
  slipRef?: Ref<HTMLDivElement>;
}

/** "Print QR": shop, amount, the QR, until when it works, the reference. */
export function QrSlip({ practice, sale, qr, deadline, shopName, paper, stamp, slipRef }: QrSlipProps) {
  const words = printText();
  const amount = formatPaise(sale.amountPaise);
  const expiry = expiryForPrint(deadline, stamp.perf, stamp.wall);
  const shop = shopOf(shopName, qr);
  return (
    <SlipFrame paper={paper} kind="qr" practice={practice} slipRef={slipRef}>
      {shop && <p className="slip-shop">{shop}</p>}
      <p className="slip-amount">{amount}</p>
      <PrintedQr intent={qr.intent} paper={paper} label={words.qrLabel(amount)} />
      <p className="slip-scan">{words.scanToPay}</p>
      <p className="slip-expiry">{words.validTill(formatTime(expiry.at))}</p>
      <p className="slip-small">{words.validFor(expiry.minutesLeft)}</p>
      <hr className="slip-rule" />
      <p className="slip-line">
        <span>{words.reference}</span> <span className="slip-ref">{qr.txnRef || sale.saleId}</span>
      </p>
      <p className="slip-small">{formatDateTime(new Date(stamp.wall))}</p>
    </SlipFrame>
  );
}

export interface ReceiptSlipProps {
  /** The sandbox: the slip says it is practice, top and bottom. */
  practice: boolean;
  sale: SaleView;
  shopName: string;
  paper: PaperWidth;
  slipRef?: Ref<HTMLDivElement>;
}

/** "Print receipt": shop, amount, when it was paid, the reference, the UTR when the cashier typed one. */
export function ReceiptSlip({ practice, sale, shopName, paper, slipRef }: ReceiptSlipProps) {
  const words = printText();
  const shop = shopOf(shopName, sale.reference);
  return (
    <SlipFrame paper={paper} kind="receipt" practice={practice} slipRef={slipRef}>
      {shop && <p className="slip-shop">{shop}</p>}
      <p className="slip-title">{words.receiptTitle}</p>
      <p className="slip-amount">{formatPaise(sale.amountPaise)}</p>
      <p className="slip-paid">
        {words.paid} <span className="slip-check">✓</span>
      </p>
      {sale.paidAt && <p className="slip-line">{formatDateTime(sale.paidAt)}</p>}
      <hr className="slip-rule" />
      <p className="slip-line">
        <span>{words.reference}</span> <span className="slip-ref">{sale.reference?.txnRef || sale.saleId}</span>
      </p>
      {sale.utr && (
        <p className="slip-line">
          <span>{words.utr}</span> <span className="slip-ref">{sale.utr}</span>
        </p>
      )}
    </SlipFrame>
  );
}

export interface RefundSlipProps {
  practice: boolean;
  referenceId: string;
  ackNo: string;
  /** When the claim was answered (ms on this PC's clock). */
  claimedAt: number;
  /** BOS's words on the claim, verbatim. */
  bosMessage: string;
  shopName: string;
  paper: PaperWidth;
  slipRef?: Ref<HTMLDivElement>;
}

/** "Print refund slip": for the customer to keep, the two numbers of their transfer, when it was claimed, and BOS's words. */
export function RefundSlip({ practice, referenceId, ackNo, claimedAt, bosMessage, shopName, paper, slipRef }: RefundSlipProps) {
  const words = printText();
  return (
    <SlipFrame paper={paper} kind="refund" practice={practice} slipRef={slipRef}>
      {shopName.trim() && <p className="slip-shop">{shopName.trim()}</p>}
      <p className="slip-title">{words.refundTitle}</p>
      <p className="slip-paid">
        {words.refundClaimed} <span className="slip-check">✓</span>
      </p>
      <hr className="slip-rule" />
      <p className="slip-line">
        <span>{words.referenceId}</span> <span className="slip-ref">{referenceId}</span>
      </p>
      <p className="slip-line">
        <span>{words.ackNo}</span> <span className="slip-ref">{ackNo}</span>
      </p>
      <p className="slip-line">
        <span>{words.claimedAt}</span> <span>{formatDateTime(new Date(claimedAt))}</span>
      </p>
      {bosMessage && <p className="slip-small" lang="en-IN">{bosMessage}</p>}
    </SlipFrame>
  );
}
