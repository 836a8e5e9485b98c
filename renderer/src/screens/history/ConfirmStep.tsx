import { useState } from 'react';
import type { PosError, PosResult } from '../../../../electron/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { callPos } from '../../hooks/usePos';
import { t } from '../../i18n';

interface ConfirmStepProps<T> {
  question: string;
  yes: string;
  danger?: boolean;
  busy: boolean;
  run: (call: () => Promise<void>) => Promise<unknown>;
  act: () => Promise<PosResult<T>>;
  onBack: () => void;
  onDone: () => void;
}

/** A second press that names what will happen (and the amount); main's refusal is shown in place. */
export function ConfirmStep<T>({ question, yes, danger = false, busy, run, act, onBack, onDone }: ConfirmStepProps<T>) {
  const [error, setError] = useState<PosError | null>(null);
  const go = () =>
    void run(async () => {
      const result = await callPos(act);
      if (result.ok) return onDone();
      setError(result.error);
    });
  return (
    <div className="row-question-box" role="group" aria-label={question}>
      <p className="row-question">{question}</p>
      <div className="row-actions">
        <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy} aria-busy={busy} onClick={go}>{yes}</button>
        <button type="button" disabled={busy} onClick={onBack}>{t.history.back}</button>
      </div>
      {error && <ErrorBox error={error} />}
    </div>
  );
}
