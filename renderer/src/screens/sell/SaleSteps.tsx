import { useState } from 'react';
import type { PosError, SaleView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { ErrorBox } from '../../components/ErrorBox';
import { callPos } from '../../hooks/usePos';
import type { PaidAnswer, PaidQuestion } from '../../hooks/useSale';
import { t } from '../../i18n';
import { printText } from '../../print/strings';
import { ConfirmCancel } from './ConfirmCancel';
import { ConfirmPaid, UTR } from './ConfirmPaid';

/** The step the QR on screen is at: its buttons, Confirm paid (with a UTR to start from), or Cancel's question. */
export type SaleStep = { kind: 'paid'; utr: string } | { kind: 'cancel' } | null;

export interface SaleStepProps {
  sale: SaleView;
  step: SaleStep;
  expired: boolean;
  busy: boolean;
  /** The sandbox: a button plays the customer paying the QR. */
  sandbox: boolean;
  /** Drawn: Print QR makes sense. */
  printable: boolean;
  onStep: (step: SaleStep) => void;
  onConfirmPaid: (answer: PaidAnswer) => Promise<PaidQuestion | null>;
  onCancel: () => void;
  onNewQr: () => void;
  onPrint: () => void;
}

/** BOS reported a payment of another amount for this QR: the cashier decides, by hand or by cancelling. */
function OtherAmount({ sale, busy, onStep }: Pick<SaleStepProps, 'sale' | 'busy' | 'onStep'>) {
  const reported = sale.reported;
  if (!reported || reported.reason !== 'other_amount') return null;
  const utr = reported.utr && UTR.test(reported.utr) ? reported.utr : '';
  return (
    <div className="warning-box other-amount" role="alert">
      <p className="question-title" data-testid="other-amount">{t.sell.otherAmount(formatPaise(reported.amountPaise), formatPaise(sale.amountPaise))}</p>
      <p>{t.sell.otherAmountHelp}</p>
      <div className="actions">
        <button type="button" className="primary big" disabled={busy} onClick={() => onStep({ kind: 'paid', utr })}>{t.sell.markByHand}</button>
        <button type="button" className="big danger" disabled={busy} onClick={() => onStep({ kind: 'cancel' })}>{t.sell.cancelSale}</button>
      </div>
    </div>
  );
}

/** Below the amount and time left: what the cashier can do with the QR now. */
export function SaleSteps({ sale, step, expired, busy, sandbox, printable, onStep, onConfirmPaid, onCancel, onNewQr, onPrint }: SaleStepProps) {
  const [simulateError, setSimulateError] = useState<PosError | null>(null);
  const amount = formatPaise(sale.amountPaise);
  if (step?.kind === 'paid') return <ConfirmPaid key={sale.saleId} busy={busy} initialUtr={step.utr} onConfirm={onConfirmPaid} onBack={() => onStep(null)} />;
  if (step?.kind === 'cancel') return <ConfirmCancel amount={amount} busy={busy} onYes={onCancel} onKeep={() => onStep(null)} />;
  const simulate = async () => {
    setSimulateError(null);
    const result = await callPos(() => window.pos.simulatePayment({ saleId: sale.saleId }));
    if (!result.ok) setSimulateError(result.error);
  };
  const otherAmount = sale.reported?.reason === 'other_amount';
  return (
    <>
      <OtherAmount sale={sale} busy={busy} onStep={onStep} />
      {!otherAmount && (
        <div className="actions">
          <button type="button" className="primary big" disabled={busy} onClick={() => onStep({ kind: 'paid', utr: '' })}>{t.sell.paid}</button>
          {!expired && printable && <button type="button" className="big print-button" onClick={onPrint}>{printText().printQr}</button>}
          {expired && <button type="button" className="big" disabled={busy} onClick={onNewQr}>{t.sell.newQr}</button>}
          <button type="button" className="big danger" disabled={busy} onClick={() => onStep({ kind: 'cancel' })} aria-keyshortcuts="Escape">{t.sell.cancel}</button>
        </div>
      )}
      {sandbox && !expired && !otherAmount && (
        <button type="button" className="training simulate" disabled={busy} onClick={() => void simulate()}>{t.sell.simulate}</button>
      )}
      {simulateError && <ErrorBox error={simulateError} />}
    </>
  );
}
