import { useEffect, useRef } from 'react';
import type { QrView, SettingsView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { BreakableAmount } from '../../components/BreakableAmount';
import { Countdown } from '../../components/Countdown';
import { QrCode } from '../../components/QrCode';
import { qrPixelSize } from '../../components/qr-path';
import { useQrMatrix } from '../../hooks/useQrMatrix';
import { useViewport } from '../../hooks/useViewport';
import { t } from '../../i18n';
import { paperOf } from '../../print/paper';
import { QrSlip, SlipPortal } from '../../print/PrintSlip';
import { usePrintJob } from '../../print/usePrintJob';
import { qrTargetPx } from './qrSize';
import { SaleSteps, type SaleStepProps } from './SaleSteps';

interface Props extends Omit<SaleStepProps, 'printable' | 'onPrint'> {
  qr: QrView;
  deadline: number;
  /** For the printed slip (paper width, shop name); null until loaded. */
  settings: SettingsView | null;
  /** The room the Sell screen has (its panel's box), for the QR's size. */
  room: { width: number; height: number };
  /** Counter's engine is not answering: the time left is not shown as if all were well. */
  engineLost: boolean;
  /** The hub has not got this QR (or refused it): it will not turn green by itself. */
  hubMissing: { refused: boolean } | null;
  onExpired: () => void;
}

/** The QR on the left (large, black on white), the amount, payee and time left on the right. */
export function SaleOnScreen({ sale, qr, deadline, settings, room, engineLost, hubMissing, onExpired, ...steps }: Props) {
  const viewport = useViewport();
  const section = useRef<HTMLElement>(null);
  const { expired, step } = steps;
  // Focus goes to the sale, not to a button: a stray Enter must not start marking it paid.
  useEffect(() => {
    if (step === null) section.current?.focus();
  }, [sale.saleId, step]);
  const matrix = useQrMatrix(qr.intent);
  const amount = formatPaise(sale.amountPaise);
  // Ctrl+P prints the slip too, while there is a QR to print.
  const printJob = usePrintJob(!expired && matrix !== null);
  const paper = paperOf(settings);
  const sizePx = matrix ? qrPixelSize(matrix, qrTargetPx(matrix.size, viewport, room)) : Math.round(room.height * 0.8);
  const payee = qr.payeeName || qr.payeeVpa;

  return (
    <section className="sale" ref={section} tabIndex={-1}>
      <div className="qr-area" style={{ width: sizePx, height: sizePx }}>
        {expired ? (
          <div className="qr-expired" role="status">
            <p className="qr-expired-title">{t.sell.expired}</p>
            <p>{t.sell.expiredHelp}</p>
          </div>
        ) : matrix ? (
          <QrCode matrix={matrix} sizePx={sizePx} label={t.sell.qrLabel(amount, payee)} />
        ) : (
          <p className="qr-expired" role="alert">{t.sell.qrCannotDraw}</p>
        )}
      </div>
      <div className="sale-details">
        <p className="sale-amount" data-testid="sale-amount"><BreakableAmount amount={amount} /></p>
        <p className="payee">
          {t.sell.to} <strong>{payee}</strong>
        </p>
        {qr.payeeName && <p className="vpa">{qr.payeeVpa}</p>}
        {!expired && <Countdown deadline={deadline} stated={qr.expiryStated} paused={engineLost} onExpired={onExpired} />}
        {!expired && hubMissing && (
          <p className={hubMissing.refused ? 'hub-line hub-bad' : 'hub-line hub-wait'} role="status" data-testid="hub-line">
            {hubMissing.refused ? t.sell.hubRefusedQr : t.sell.hubNotKnown}
          </p>
        )}
        <SaleSteps sale={sale} printable={matrix !== null} onPrint={printJob.print} {...steps} />
      </div>
      {printJob.job && !expired && matrix && (
        <SlipPortal paper={paper} heightPx={printJob.job.heightPx}>
          <QrSlip practice={settings?.environment === 'sandbox'} sale={sale} qr={qr} deadline={deadline} shopName={settings?.shopName ?? ''} paper={paper} stamp={printJob.job.stamp} slipRef={printJob.slipRef} />
        </SlipPortal>
      )}
    </section>
  );
}
