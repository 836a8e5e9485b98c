import { useId, useState, type FormEvent } from 'react';
import type { OperationInput, PosError, PosResult, SaleView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { ErrorBox } from '../../components/ErrorBox';
import { callPos } from '../../hooks/usePos';
import { t } from '../../i18n';
import { formatTime } from '../../i18n/dates';

type PayInput = Omit<OperationInput<'sale.markPaid'>, 'saleId'>;
type Override = NonNullable<PayInput['overrides']>[number];
export type PayCall = (input: PayInput) => Promise<PosResult<SaleView>>;

const UTR = /^\d{12}$/;

/** A warning main gives that a person may answer "mark paid anyway" to, in the language in use. */
function warning(error: PosError): string | null {
  if (error.code === 'not_confirmed') return t.history.notConfirmed;
  if (error.code === 'utr_reused' && error.related) return t.history.utrReused(formatPaise(error.related.amountPaise), formatTime(error.related.at));
  return error.code === 'utr_reused' ? t.errors.byCode.utr_reused : null;
}

interface PayQuestionProps {
  question: string;
  hint?: string;
  yes: string;
  busy: boolean;
  run: (call: () => Promise<void>) => Promise<unknown>;
  pay: PayCall;
  onBack: () => void;
  onDone: () => void;
}

/**
 * "Record it paid?" with an optional UTR. When main warns (the UTR was used for another sale; BOS
 * has not confirmed it), the warning is shown and "Mark paid anyway" asks again with that override,
 * which main journals.
 */
export function PayQuestion({ question, hint, yes, busy, run, pay, onBack, onDone }: PayQuestionProps) {
  const [utr, setUtr] = useState('');
  const [utrProblem, setUtrProblem] = useState(false);
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [warned, setWarned] = useState<PosError | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const utrId = useId();

  const ask = (next: Override[]) =>
    void run(async () => {
      setError(null);
      const typed = utr.trim();
      const result = await callPos(() => pay({ ...(typed ? { utr: typed } : {}), ...(next.length ? { overrides: next } : {}) }));
      if (result.ok) return onDone();
      if (warning(result.error)) return setWarned(result.error);
      setWarned(null);
      setError(result.error);
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (utr.trim() && !UTR.test(utr.trim())) return setUtrProblem(true);
    setUtrProblem(false);
    ask(overrides);
  };

  const anyway = () => {
    if (!warned) return;
    const next = [...overrides, warned.code as Override];
    setOverrides(next);
    setWarned(null);
    ask(next);
  };

  return (
    <form className="row-question-box" onSubmit={submit} noValidate aria-label={question}>
      <p className="row-question">{question}</p>
      {hint && <p className="hint">{hint}</p>}
      <div className="row-utr">
        <label htmlFor={utrId}>{t.history.utrOptional}</label>
        <input id={utrId} inputMode="numeric" autoComplete="off" maxLength={12} value={utr} aria-invalid={utrProblem || undefined} onChange={(e) => setUtr(e.target.value.replace(/\D/g, ''))} />
        {utrProblem && <p className="field-error" role="alert">{t.history.utrInvalid}</p>}
      </div>
      {warned ? (
        <div className="warning-box row-warning" role="alert">
          <p>{warning(warned)}</p>
          <div className="row-actions">
            <button type="button" className="primary" disabled={busy} onClick={anyway}>{t.history.markAnyway}</button>
            <button type="button" disabled={busy} onClick={onBack}>{t.history.back}</button>
          </div>
        </div>
      ) : (
        <div className="row-actions">
          <button type="submit" className="primary" disabled={busy} aria-busy={busy}>{yes}</button>
          <button type="button" disabled={busy} onClick={onBack}>{t.history.back}</button>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </form>
  );
}
