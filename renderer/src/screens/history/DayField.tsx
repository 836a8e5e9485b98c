import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../../i18n';
import { dayText, parseDayText } from './dayText';

/** Drawn, not an emoji: counter PCs often lack an emoji font. */
function CalendarIcon() {
  return (
    <svg className="calendar-icon" viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="16" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M3 10h18M8 3v4M16 3v4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <path d="M7 14h2M11 14h2M15 14h2M7 17h2M11 17h2" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

interface DayFieldProps {
  id: string;
  label: string;
  /** The day shown, YYYY-MM-DD. */
  value: string;
  /** The last day that may be chosen (today), YYYY-MM-DD. */
  max?: string;
  /** Visible label (export) or one for screen readers only (the day picker, titled by the day beside it). */
  labelHidden?: boolean;
  onChange: (day: string) => void;
}

/**
 * A day typed as dd/mm/yyyy, whatever the browser's locale (Chromium's own date field follows the
 * PC's locale, month first on a US-set PC), with a calendar button that opens the browser's picker
 * on a date input kept out of sight.
 */
export function DayField({ id, label, value, max, labelHidden = false, onChange }: DayFieldProps) {
  const [text, setText] = useState(() => dayText(value));
  const [problem, setProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const textField = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const problemId = useId();
  useEffect(() => {
    setText(dayText(value));
    setProblem(null);
  }, [value]);

  /** A whole day is taken as it is typed; a wrong one is said when the field is left. */
  const take = (typed: string, final: boolean): void => {
    const day = parseDayText(typed);
    const wrong = !day ? (typed.trim() ? t.history.dayInvalid : null) : max && day > max ? t.history.dayAhead : null;
    if (!day || wrong) {
      if (final) setProblem(wrong);
      // Left empty: the field shows the day it still stands for.
      if (final && !typed.trim()) setText(dayText(value));
      return;
    }
    setProblem(null);
    if (day !== value) onChange(day);
  };

  const openPicker = () => {
    try {
      picker.current?.showPicker();
    } catch {
      // No picker in this browser (or not now): the cursor goes to the typed field, which always works.
      textField.current?.focus();
    }
  };

  return (
    <div className="day-field">
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>{label}</label>
      <div className="day-field-row">
        <input
          ref={textField}
          id={id}
          className="day-text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={t.history.dayFormat}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
          onChange={(e) => {
            setText(e.target.value);
            take(e.target.value, false);
          }}
          onBlur={(e) => take(e.target.value, true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') take(e.currentTarget.value, true);
          }}
        />
        <button type="button" className="day-calendar" aria-label={t.history.pickDay(label)} title={t.history.pickDay(label)} onClick={openPicker}>
          <CalendarIcon />
        </button>
        <input
          ref={picker}
          type="date"
          className="day-picker-native"
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          max={max}
          onChange={(e) => e.target.value && onChange(e.target.value)}
        />
      </div>
      <p id={hintId} className="visually-hidden">{t.history.dayHint}</p>
      {problem && <p id={problemId} className="field-error" role="alert">{problem}</p>}
    </div>
  );
}
