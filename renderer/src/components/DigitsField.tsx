import type { InputHTMLAttributes, Ref } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  ref?: Ref<HTMLInputElement>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown below the field (role alert) when not empty. */
  error: string;
  hint?: string;
}

/** A labelled numeric field with its hint and its inline error, wired for screen readers. */
export function DigitsField({ id, ref, label, value, onChange, error, hint, ...rest }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={ref}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error !== ''}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value.replace(/\s/g, ''))}
        {...rest}
      />
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      <p id={`${id}-error`} className="field-error" role="alert">{error}</p>
    </div>
  );
}
