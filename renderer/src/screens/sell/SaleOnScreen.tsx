import { useEffect, useRef } from 'react';
import type { QrView, SaleView, SettingsView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { BreakableAmount } from '../../components/BreakableAmount';
import { Countdown } from '../../components/Countdown';
import { QrCode } from '../../components/QrCode';
import { qrPixelSize } from '../../components/qr-path';
import { useViewport } from '../../hooks/useViewport';
import { useQrMatrix } from '../../hooks/useQrMatrix';
import { t } from '../../i18n';
import { paperOf } from '../../print/paper';
import { QrSlip, SlipPortal } from '../../print/PrintSlip';
import { printText } from '../../print/strings';
import { usePrintJob } from '../../print/usePrintJob';
import { ConfirmPaid } from './ConfirmPaid';
import { qrTargetPx } from './qrSize';

interface Props {
  sale: SaleView;
  qr: QrView;
  deadline: number;
  expired: boolean;
  confirming: boolean;
  busy: boolean;
  /** For the printed slip (paper width, shop name); null until loaded. */
  settings: SettingsView | null;
  onExpired: () => void;
  onPaid: () => void;
  onConfirmPaid: (utr: string | undefined) => void;
  onBack: () => void;
  onCancel: () => void;
  onNewQr: () => void;
}

/** The QR on the left (large, black on white), the amount, payee and time left on the right. */
export function SaleOnScreen({ sale, qr, deadline, expired, confirming, busy, settings, onExpired, onPaid, onConfirmPaid, onBack, onCancel, onNewQr }: Props) {
  const viewport = useViewport();
  const section = useRef<HTMLElement>(null);
  // Focus goes to the sale, not to a button: a stray Enter must not start marking it paid.
  useEffect(() => section.current?.focus(), [sale.saleId]);
  const matrix = useQrMatrix(qr.intent);
  const amount = formatPaise(sale.amountPaise);
  // Ctrl+P prints the slip too, while there is a QR to print.
  const printJob = usePrintJob(!expired && matrix !== null);
  const paper = paperOf(settings);
  const sizePx = matrix ? qrPixelSize(matrix, qrTargetPx(matrix.size, viewport)) : Math.round(viewport.height * 0.6);

  return (
    <section className="sale" ref={section} tabIndex={-1}>
      <div className="qr-area" style={{ width: sizePx, height: sizePx }}>
        {expired ? (
          <div className="qr-expired" role="status">
            <p className="qr-expired-title">{t.sell.expired}</p>
            <p>{t.sell.expiredHelp}</p>
          </div>
        ) : matrix ? (
          <QrCode matrix={matrix} sizePx={sizePx} label={t.sell.qrLabel(amount, qr.payeeName || qr.payeeVpa)} />
        ) : (
          <p className="qr-expired" role="alert">{t.sell.qrCannotDraw}</p>
        )}
      </div>
      <div className="sale-details">
        <p className="sale-amount" data-testid="sale-amount"><BreakableAmount amount={amount} /></p>
        <p className="payee">
          {t.sell.to} <strong>{qr.payeeName || qr.payeeVpa}</strong>
        </p>
        {qr.payeeName && <p className="vpa">{qr.payeeVpa}</p>}
        {!expired && <Countdown deadline={deadline} stated={qr.expiryStated} onExpired={onExpired} />}
        {confirming ? (
          <ConfirmPaid busy={busy} onConfirm={onConfirmPaid} onBack={onBack} />
        ) : (
          <div className="actions">
            <button type="button" className="primary big" disabled={busy} onClick={onPaid}>{t.sell.paid}</button>
            {!expired && matrix && <button type="button" className="big print-button" onClick={printJob.print}>{printText().printQr}</button>}
            {expired && <button type="button" className="big" disabled={busy} onClick={onNewQr}>{t.sell.newQr}</button>}
            <button type="button" className="big danger" disabled={busy} onClick={onCancel} aria-keyshortcuts="Escape">{t.sell.cancel}</button>
          </div>
        )}
      </div>
      {printJob.job && !expired && matrix && (
        <SlipPortal paper={paper} heightPx={printJob.job.heightPx}>
          <QrSlip practice={settings?.environment === 'sandbox'} sale={sale} qr={qr} deadline={deadline} shopName={settings?.shopName ?? ''} paper={paper} stamp={printJob.job.stamp} slipRef={printJob.slipRef} />
        </SlipPortal>
      )}
    </section>
  );
}
