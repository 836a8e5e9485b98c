import { useState, type FormEvent } from 'react';
import { t } from '../../i18n';

const UTR = /^\d{12}$/;

/** The second step of Paid: an optional 12-digit UTR, then Confirm paid. Enter confirms, Esc (in SellScreen) goes back. */
export function ConfirmPaid({ busy, onConfirm, onBack }: { busy: boolean; onConfirm: (utr: string | undefined) => void; onBack: () => void }) {
  const [utr, setUtr] = useState('');
  const [tried, setTried] = useState(false);
  const invalid = utr !== '' && !UTR.test(utr);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!invalid) onConfirm(utr || undefined);
  };
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
