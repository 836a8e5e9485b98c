import type { MouseEvent } from 'react';
import { t } from '../i18n';

/** Built at render time, so the decimal point's spoken name follows the language in use. */
const keys = (): ReadonlyArray<{ value: string; label?: string }> => [
  { value: '7' }, { value: '8' }, { value: '9' },
  { value: '4' }, { value: '5' }, { value: '6' },
  { value: '1' }, { value: '2' }, { value: '3' },
  { value: '00' }, { value: '0' }, { value: '.', label: t.sell.keypadPoint },
];

// Tapping a key must not take focus from the Amount field, so a real Enter still means Show QR.
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** On-screen keypad for touch counters. Every key is at least 56 px square. */
export function Keypad({ onKey, onBackspace, onClear, disabled }: { onKey: (key: string) => void; onBackspace: () => void; onClear: () => void; disabled: boolean }) {
  return (
    <div className="keypad" role="group" aria-label={t.sell.keypad}>
      {keys().map((key) => (
        <button key={key.value} type="button" disabled={disabled} onMouseDown={keepFocus} onClick={() => onKey(key.value)} aria-label={key.label}>
          {key.value}
        </button>
      ))}
      <button type="button" className="keypad-back" disabled={disabled} onMouseDown={keepFocus} onClick={onBackspace} aria-label={t.sell.keypadBack}>
        <span aria-hidden="true">⌫</span>
      </button>
      <button type="button" className="keypad-clear" disabled={disabled} onMouseDown={keepFocus} onClick={onClear}>
        {t.sell.keypadClear}
      </button>
    </div>
  );
}
