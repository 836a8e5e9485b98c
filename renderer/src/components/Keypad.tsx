import { t } from '../i18n/en';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', '00'];

/** On-screen keypad for touch counters; every key at least 56 px. */
export function Keypad({ onKey, onBackspace, onClear, disabled }: { onKey: (k: string) => void; onBackspace: () => void; onClear: () => void; disabled: boolean }) {
  return (
    <div className="keypad" role="group" aria-label="Keypad">
      {KEYS.map((key) => (
        <button key={key} type="button" disabled={disabled} onClick={() => onKey(key)}>
          {key}
        </button>
      ))}
      <button type="button" disabled={disabled} onClick={onBackspace} aria-label={t.sell.keypadBack}>
        ⌫
      </button>
      <button type="button" disabled={disabled} onClick={onClear}>
        {t.sell.keypadClear}
      </button>
    </div>
  );
}
