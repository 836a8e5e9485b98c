import { useState, type FormEvent } from 'react';
import { usePaidQuestions } from '../../hooks/usePaidQuestions';
import type { PaidAnswer, PaidQuestion } from '../../hooks/useSale';
import { t } from '../../i18n';
import { PaidQuestionBox } from './PaidQuestionBox';

export const UTR = /^\d{12}$/;

interface Props {
  busy: boolean;
  /** A UTR to start with (BOS's, when BOS reported a payment of another amount). */
  initialUtr?: string;
  onConfirm: (answer: PaidAnswer) => Promise<PaidQuestion | null>;
  onBack: () => void;
}

/**
 * The second step of Paid: an optional 12-digit UTR, then Confirm paid. Enter confirms, Esc (in
 * SellScreen) goes back. A question from main (BOS has not confirmed it, the UTR was used before)
 * takes the step's place until it is answered.
 */
export function ConfirmPaid({ busy, initialUtr = '', onConfirm, onBack }: Props) {
  const [utr, setUtr] = useState(initialUtr);
  const [tried, setTried] = useState(false);
  const questions = usePaidQuestions(onConfirm);
  const invalid = utr !== '' && !UTR.test(utr);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!invalid) void questions.submit(utr || undefined);
  };
  if (questions.question) {
    return <PaidQuestionBox question={questions.question} busy={busy} onAnyway={() => void questions.anyway()} onBack={questions.dismiss} />;
  }
  return (
    <form className="confirm-paid" onSubmit={submit} noValidate>
      <p className="confirm-title">{t.sell.confirmTitle}</p>
      <label htmlFor="utr">{t.sell.utr}</label>
      <input
        id="utr"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        maxLength={20}
        value={utr}
        aria-invalid={tried && invalid}
        aria-describedby="utr-hint utr-error"
        onChange={(event) => setUtr(event.target.value.replace(/\s/g, ''))}
      />
      {/* The error takes the hint's place, so the step stays short enough for a 768 px screen. */}
      <p id="utr-hint" className="hint" hidden={tried && invalid}>{t.sell.utrHint}</p>
      <p id="utr-error" className="field-error" role="alert">{tried && invalid ? t.sell.utrInvalid : ''}</p>
      <div className="actions">
        <button type="submit" className="primary big" disabled={busy}>{t.sell.confirmPaid}</button>
        <button type="button" className="big" disabled={busy} onClick={onBack}>{t.sell.back}</button>
      </div>
    </form>
  );
}
