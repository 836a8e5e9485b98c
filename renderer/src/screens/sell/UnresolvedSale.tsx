import { useEffect, useRef, useState } from 'react';
import type { PosError, SaleView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { ErrorBox } from '../../components/ErrorBox';
import { usePaidQuestions } from '../../hooks/usePaidQuestions';
import type { PaidAnswer, PaidQuestion } from '../../hooks/useSale';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/dates';
import { UTR } from './ConfirmPaid';
import { PaidQuestionBox } from './PaidQuestionBox';

interface Props {
  sale: SaleView;
  error: PosError | null;
  busy: boolean;
  onAnswer: (paid: boolean, answer?: PaidAnswer) => Promise<PaidQuestion | null>;
}

/**
 * A sale left open by a crash or power cut: a person says whether it was paid. It shows what tells
 * two open sales of one amount apart (when it was rung up, BOS's reference, the payee) and takes the
 * UTR from the customer's screen. No button has focus, so a stray Enter decides nothing.
 */
export function UnresolvedSale({ sale, error, busy, onAnswer }: Props) {
  const dialog = useRef<HTMLElement>(null);
  const [utr, setUtr] = useState('');
  const [tried, setTried] = useState(false);
  const questions = usePaidQuestions((answer) => onAnswer(true, answer));
  useEffect(() => {
    dialog.current?.focus();
    setUtr('');
    setTried(false);
  }, [sale.saleId]);
  const invalid = utr !== '' && !UTR.test(utr);
  const paid = () => {
    setTried(true);
    if (!invalid) void questions.submit(utr || undefined);
  };
  const reference = sale.reference;
  const payee = reference ? reference.payeeName || reference.payeeVpa : '';
  return (
    <section className="unresolved" ref={dialog} role="alertdialog" aria-labelledby="unresolved-title" aria-describedby="unresolved-body" tabIndex={-1}>
      <h2 id="unresolved-title">{t.sell.unresolvedTitle}</h2>
      <div className="unresolved-sale">
        <p className="unresolved-amount" data-testid="unresolved-amount">{formatPaise(sale.amountPaise)}</p>
        <ul className="unresolved-facts">
          <li data-testid="unresolved-at">{t.sell.unresolvedAt(formatDateTime(sale.requestedAt))}</li>
          {reference?.txnRef && <li data-testid="unresolved-ref">{t.sell.unresolvedRef(reference.txnRef)}</li>}
          {payee && <li>{t.sell.unresolvedPayee(payee)}</li>}
        </ul>
      </div>
      <div className="unresolved-answer">
        <p id="unresolved-body">{t.sell.unresolvedBody}</p>
        {questions.question ? (
          <PaidQuestionBox question={questions.question} busy={busy} onAnyway={() => void questions.anyway()} onBack={questions.dismiss} />
        ) : (
          <>
            <div className="unresolved-utr">
              <label htmlFor="unresolved-utr">{t.sell.utr}</label>
              <input
                id="unresolved-utr"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                maxLength={20}
                value={utr}
                aria-invalid={tried && invalid}
                aria-describedby="unresolved-utr-error"
                onChange={(event) => setUtr(event.target.value.replace(/\s/g, ''))}
              />
              <p id="unresolved-utr-error" className="field-error" role="alert">{tried && invalid ? t.sell.utrInvalid : ''}</p>
            </div>
            <div className="actions">
              <button type="button" className="primary big" disabled={busy} onClick={paid}>{t.sell.unresolvedPaid}</button>
              <button type="button" className="big danger" disabled={busy} onClick={() => void onAnswer(false)}>{t.sell.unresolvedCancel}</button>
            </div>
          </>
        )}
      </div>
      {error && <ErrorBox error={error} />}
    </section>
  );
}
