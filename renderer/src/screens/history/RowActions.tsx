import { useState } from 'react';
import type { SaleHistoryRow, SettingsView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';
import { ConfirmStep } from './ConfirmStep';
import { PayQuestion } from './PayQuestion';
import { ReprintReceipt } from './ReprintReceipt';

export interface RowActionProps {
  row: SaleHistoryRow;
  busy: boolean;
  /** The screen's single flight: one call at a time from the whole table. */
  run: (call: () => Promise<void>) => Promise<unknown>;
  /** After a call that changed the row: read the day again. */
  onChanged: () => void;
  settings: SettingsView | null;
}

type Step = 'paid' | 'cancel' | 'keep' | 'refunded' | 'paidLate' | null;

/**
 * What can still be done with a sale, each behind a second press that names the amount: an open
 * sale is answered paid or cancelled; money BOS reported after it ended is kept or was refunded;
 * a cancelled sale the customer paid after all is recorded so; a paid one's receipt is printed again.
 */
export function RowActions({ row, busy, run, onChanged, settings }: RowActionProps) {
  const [step, setStep] = useState<Step>(null);
  const amount = formatPaise(row.amountPaise);
  const done = () => {
    setStep(null);
    onChanged();
  };
  const back = () => setStep(null);
  const common = { busy, run, onBack: back, onDone: done };

  if (step === 'paid') return <PayQuestion {...common} question={t.history.confirmPaid(amount)} yes={t.history.yesPaid} pay={(input) => window.pos.markPaid({ saleId: row.id, ...input })} />;
  if (step === 'paidLate') {
    return <PayQuestion {...common} question={t.history.confirmPaidAfterAll(amount)} hint={t.history.paidAfterAllHint} yes={t.history.yesPaidAfterAll} pay={(input) => window.pos.markPaidLate({ saleId: row.id, ...input })} />;
  }
  if (step === 'cancel') return <ConfirmStep {...common} danger question={t.history.confirmCancel(amount)} yes={t.history.yesCancel} act={() => window.pos.cancelSale({ saleId: row.id })} />;
  if (step === 'keep' && row.latePayment) {
    const late = formatPaise(row.latePayment.amountPaise);
    return <ConfirmStep {...common} question={t.history.confirmKeep(late)} yes={t.history.yesKeep} act={() => window.pos.markPaidLate({ saleId: row.id })} />;
  }
  if (step === 'refunded' && row.latePayment) {
    const late = formatPaise(row.latePayment.amountPaise);
    return <ConfirmStep {...common} question={t.history.confirmRefunded(late)} yes={t.history.yesRefunded} act={() => window.pos.settleLatePayment({ saleId: row.id, action: 'refunded' })} />;
  }

  const buttons = [];
  if (row.canResolve) {
    buttons.push(
      <button key="paid" type="button" disabled={busy} onClick={() => setStep('paid')}>{t.history.markPaid}</button>,
      <button key="cancel" type="button" className="danger" disabled={busy} onClick={() => setStep('cancel')}>{t.history.cancelSale}</button>,
    );
  }
  if (row.latePayment) {
    if (row.canMarkPaidLate) buttons.push(<button key="keep" type="button" className="primary" disabled={busy} onClick={() => setStep('keep')}>{t.history.keepLate}</button>);
    buttons.push(<button key="refunded" type="button" disabled={busy} onClick={() => setStep('refunded')}>{t.history.refundedLate}</button>);
  } else if (row.canMarkPaidLate) {
    buttons.push(<button key="paidLate" type="button" disabled={busy} onClick={() => setStep('paidLate')}>{t.history.paidAfterAll}</button>);
  }
  if (row.state === 'paid') buttons.push(<ReprintReceipt key="print" row={row} settings={settings} />);
  return buttons.length > 0 ? <div className="row-actions">{buttons}</div> : null;
}
