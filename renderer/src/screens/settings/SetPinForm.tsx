import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PosError } from '../../../../electron/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { callPos } from '../../hooks/usePos';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { t } from '../../i18n';
import { PIN_PATTERN } from '../../../../electron/contract/pin';

/** The first PIN (on first entry to Settings), or a new one while the owner is unlocked. */
export function SetPinForm({ change }: { change: boolean }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<PosError | null>(null);
  const [notice, setNotice] = useState('');
  const { busy, run } = useSingleFlight();
  const first = useRef<HTMLInputElement>(null);
  const idBase = change ? 'change-pin' : 'new-pin';
  // First entry (F9 or the tab): the cursor is in the PIN field, ready to type.
  useEffect(() => {
    if (!change) first.current?.focus();
  }, [change]);
  const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    if (!PIN_PATTERN.test(pin)) return setError({ code: 'invalid_input', message: t.owner.pinShape });
    if (pin !== again) return setError({ code: 'invalid_input', message: t.owner.pinsDiffer });
    void run(async () => {
      const result = await callPos(() => window.pos.setOwnerPin({ pin }));
      setPin('');
      setAgain('');
      if (!result.ok) return setError(result.error);
      setError(null);
      if (change) setNotice(t.owner.pinChanged);
    });
  };

  return (
    <form className={change ? 'set-pin change-pin' : 'settings set-pin'} onSubmit={submit} noValidate aria-labelledby="set-pin-title">
      <h2 id="set-pin-title" className={change ? undefined : 'screen-title'}>{change ? t.owner.changeTitle : t.owner.setTitle}</h2>
      {!change && <p className="hint">{t.owner.setBody}</p>}
      <div className="pin-pair">
        <div className="field">
          <label htmlFor={`${idBase}-pin`}>{t.owner.pin}</label>
          <input id={`${idBase}-pin`} ref={first} type="password" inputMode="numeric" autoComplete="new-password" aria-describedby={`${idBase}-hint`} value={pin} onChange={(e) => setPin(digits(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-again`}>{t.owner.pinAgain}</label>
          <input id={`${idBase}-again`} type="password" inputMode="numeric" autoComplete="new-password" aria-describedby={`${idBase}-hint`} value={again} onChange={(e) => setAgain(digits(e.target.value))} />
        </div>
      </div>
      <p id={`${idBase}-hint`} className="hint pin-hint">{t.owner.pinHint}</p>
      <button type="submit" className={change ? undefined : 'primary big'} disabled={busy} aria-busy={busy}>{change ? t.owner.changePin : t.owner.setPin}</button>
      <p className="notice" role="status">{notice}</p>
      {error && <ErrorBox error={error} />}
    </form>
  );
}
