import type { LatePaymentView } from '../../../electron/contract';
import { formatPaise } from '../../../electron/contract/money';
import { t } from '../i18n';
import { formatTime } from '../i18n/dates';

const SHOWN = 2;

/**
 * Money BOS reported for a sale already cancelled or expired, on every screen until the owner
 * keeps or refunds it in History (where the row and its actions are).
 */
export function LatePaymentsBanner({ late, onOpenHistory }: { late: readonly LatePaymentView[]; onOpenHistory: () => void }) {
  if (late.length === 0) return null;
  return (
    <div className="late-banner" role="alert" data-testid="late-banner">
      <div className="late-lines">
        {late.slice(0, SHOWN).map((payment) => {
          const words = payment.reason === 'after_cancel' ? t.late.afterCancel : t.late.afterExpiry;
          return <p key={payment.paymentId}>{words(formatPaise(payment.amountPaise), formatTime(payment.requestedAt))}</p>;
        })}
        {late.length > SHOWN && <p>{t.late.more(late.length - SHOWN)}</p>}
      </div>
      <button type="button" className="late-open" onClick={onOpenHistory}>{t.late.open}</button>
    </div>
  );
}
