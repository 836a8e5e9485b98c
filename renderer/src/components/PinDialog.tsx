import { useRef, useState, type FormEvent } from 'react';
import type { PosError } from '../../../electron/contract';
import { callPos } from '../hooks/usePos';
import { useSingleFlight } from '../hooks/useSingleFlight';
import { t } from '../i18n';
import { Dialog } from './Dialog';
import { ErrorBox } from './ErrorBox';
import { PIN_PATTERN } from '../../../electron/contract/pin';

/** Asks for the owner's PIN over the screen. The PIN goes to main once and the field is emptied. */
export function PinDialog({ onDone }: { onDone: (unlocked: boolean) => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<PosError | null>(null);
  const { busy, run } = useSingleFlight();
  const field = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) return setError({ code: 'invalid_input', message: t.owner.pinShape });
    void run(async () => {
      const result = await callPos(() => window.pos.unlockOwner({ pin }));
      setPin('');
      if (result.ok) return onDone(true);
      setError(result.error);
      field.current?.focus();
    });
  };

  return (
    <Dialog labelledBy="pin-title" initialFocus={field} onClose={() => onDone(false)}>
      <form onSubmit={submit} noValidate>
        <h2 id="pin-title">{t.owner.dialogTitle}</h2>
        <p>{t.owner.dialogBody}</p>
        <label htmlFor="owner-pin">{t.owner.pin}</label>
        <input id="owner-pin" ref={field} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
        {error && <ErrorBox error={error} />}
        <div className="actions">
          <button type="submit" className="primary big" disabled={busy} aria-busy={busy}>{t.owner.unlock}</button>
          <button type="button" className="big" onClick={() => onDone(false)}>{t.owner.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
