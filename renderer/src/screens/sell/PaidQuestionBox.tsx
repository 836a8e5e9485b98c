import { useEffect, useRef } from 'react';
import { formatPaise } from '../../../../electron/contract/money';
import { useEarlierReference } from '../../hooks/useEarlierSale';
import type { PaidQuestion } from '../../hooks/useSale';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/dates';

/**
 * Main's question before marking paid, with what it knows: BOS has not confirmed the payment, or
 * the UTR was recorded for an earlier sale (its amount, when it was rung up, its BOS reference).
 * "Mark paid anyway" answers it (main journals the answer); Back leaves the sale as it was.
 */
export function PaidQuestionBox({ question, busy, onAnyway, onBack }: { question: PaidQuestion; busy: boolean; onAnyway: () => void; onBack: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  // The question takes the keyboard: Enter is not taken as yes (no button has focus), Tab reaches both.
  useEffect(() => box.current?.focus(), [question]);
  const earlier = question.code === 'utr_reused' ? question.related : undefined;
  const reference = useEarlierReference(earlier);
  return (
    <div className="warning-box paid-question" role="alertdialog" aria-labelledby="paid-question-title" aria-describedby="paid-question-help" tabIndex={-1} ref={box}>
      {earlier ? (
        <>
          <p className="question-title" id="paid-question-title">{t.sell.utrReusedAsk(formatPaise(earlier.amountPaise), formatDateTime(earlier.at))}</p>
          {reference && <p data-testid="earlier-reference">{t.sell.utrReusedRef(reference)}</p>}
          <p id="paid-question-help">{t.sell.utrReusedHelp}</p>
        </>
      ) : (
        <>
          <p className="question-title" id="paid-question-title">{t.sell.notConfirmedAsk}</p>
          <p id="paid-question-help">{t.sell.notConfirmedHelp}</p>
        </>
      )}
      <div className="actions">
        <button type="button" className="primary big" disabled={busy} onClick={onAnyway}>{t.sell.markAnyway}</button>
        <button type="button" className="big" disabled={busy} onClick={onBack}>{t.sell.back}</button>
      </div>
    </div>
  );
}
