import { useState, type FormEvent } from 'react';
import type { PosError } from '../../../../electron/contract';
import type { PairingCodeAnswer, TerminalRole } from '../../../../electron/contract/hub';
import { groupedPairingCode } from '../../../../electron/contract/pairing-code';
import { ErrorBox } from '../../components/ErrorBox';
import { useOwner } from '../../hooks/useOwner';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { formatTimeLeft, useTimeLeft } from '../../hooks/useTimeLeft';
import { ts } from '../../i18n/shop';
import { formatTime } from '../../i18n/dates';

/** A pairing code works ten minutes at the hub; counted from when it arrived, by this PC's monotonic clock (its wall clock may be wrong). */
const CODE_LIFE_MS = 10 * 60_000;

interface Made {
  answer: PairingCodeAnswer;
  name: string;
  deadline: number;
}

function CodeShown({ made, onGone }: { made: Made; onGone: () => void }) {
  const left = useTimeLeft(made.deadline, { onZero: onGone });
  const digits = made.answer.code;
  return (
    <div className="pairing-code-box" data-testid="pairing-code">
      <div role="status">
        <p className="pairing-code-for">{ts().shopHub.codeFor(made.name || ts().shopHub.roles[made.answer.role], ts().shopHub.roles[made.answer.role])}</p>
        <p className="pairing-code">
          <span aria-hidden="true" data-testid="pairing-code-digits">{groupedPairingCode(digits)}</span>
          {/* Read out digit by digit, not as "three hundred ninety-four". */}
          <span className="visually-hidden">{digits.split('').join(' ')}</span>
        </p>
      </div>
      {/* Not live: it changes every second. */}
      <p className="pairing-code-life" aria-live="off">
        {ts().shopHub.codeLife(formatTimeLeft(left), formatTime(Date.now() + left))}
      </p>
      <p className="hint">{ts().shopHub.codeHow}</p>
    </div>
  );
}

/** The owner makes a one-time code for a new counter (or another owner's Counter), shown large with its ten-minute life. */
export function PairingCodeMaker({ onMade }: { onMade: () => void }) {
  const [role, setRole] = useState<TerminalRole>('counter');
  const [name, setName] = useState('');
  const [made, setMade] = useState<Made | null>(null);
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<PosError | null>(null);
  const { busy, run } = useSingleFlight();
  const { withOwner } = useOwner();

  const make = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setError(null);
      setExpired(false);
      const trimmed = name.trim();
      const result = await withOwner(() => window.pos.makePairingCode({ role, ...(trimmed ? { name: trimmed } : {}) }));
      if (!result.ok) return setError(result.error);
      setMade({ answer: result.value, name: trimmed, deadline: performance.now() + CODE_LIFE_MS });
      onMade();
    });
  };

  return (
    <form className="shop-hub-part pairing-maker" onSubmit={make} aria-labelledby="pairing-maker-title" noValidate>
      <h4 id="pairing-maker-title">{ts().shopHub.pairTitle}</h4>
      <fieldset className="pairing-role">
        <legend>{ts().shopHub.roleLabel}</legend>
        {(['counter', 'owner'] as const).map((r) => (
          <label key={r} className="radio">
            <input type="radio" name="pairing-role" value={r} checked={role === r} onChange={() => setRole(r)} />
            <span>
              {ts().shopHub.roles[r]}
              <span className="hint">{ts().shopHub.roleHints[r]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="pairing-name">{ts().shopHub.nameLabel}</label>
        <input id="pairing-name" maxLength={60} autoComplete="off" value={name} aria-describedby="pairing-name-hint" onChange={(e) => setName(e.target.value)} />
        <p id="pairing-name-hint" className="hint">{ts().shopHub.nameHint}</p>
      </div>
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>{busy ? ts().shopHub.making : ts().shopHub.makeCode}</button>
      {made && !expired && <CodeShown key={made.answer.code} made={made} onGone={() => setExpired(true)} />}
      {made && expired && <p className="field-error" role="alert">{ts().shopHub.codeExpired}</p>}
      {error && <ErrorBox error={error} />}
    </form>
  );
}
