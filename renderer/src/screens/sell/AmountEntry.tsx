import type { FormEvent, KeyboardEvent, RefObject } from 'react';
import type { PosError } from '../../../../electron/contract';
import { formatPaise, parseAmount, type AmountError } from '../../../../electron/contract/money';
import { ErrorBox } from '../../components/ErrorBox';
import { Keypad } from '../../components/Keypad';
import { language, t } from '../../i18n';
import type { EntryNotice } from '../../state/saleReducer';

const MAX_CHARS = 16;
const AMOUNT_CHAR = /^[0-9.]$/;

/**
 * The Amount field takes digits and the point from the keyboard, nothing else: `?` goes on to open
 * the shortcut list (useHelpKey), and other letters are not typed. Pasted text is still checked
 * (and explained) by the amount check.
 */
function keepToAmountKeys(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
  if (!AMOUNT_CHAR.test(event.key) && event.key !== '?') event.preventDefault();
}

/** What became of the sale just ended, in the cashier's words. */
function NoticeBox({ notice }: { notice: EntryNotice }) {
  const amount = formatPaise(notice.amountPaise);
  return (
    <div className="notice-box" role="status" data-testid="sell-notice">
      {notice.kind === 'cancelled' ? (
        <>
          <p className="notice-title">{t.sell.cancelled(amount)}</p>
          <p>{t.sell.cancelledHint}</p>
        </>
      ) : (
        <p className="notice-title">{t.sell.abandoned(amount)}</p>
      )}
    </div>
  );
}

/** The amount check words its reasons in English; other languages say the same by its code, with the ₹ figure it names. */
function amountReason(error: AmountError): string {
  if (language() === 'en') return error.message;
  const limit = /₹[\d,]+\.\d\d/.exec(error.message)?.[0] ?? '';
  return t.sell.amountProblems[error.code](limit);
}

interface Props {
  text: string;
  onText: (text: string) => void;
  /** The reason is shown only after the cashier typed something or pressed Show QR. */
  showReason: boolean;
  capPaise: number;
  creating: boolean;
  error: PosError | null;
  notice: EntryNotice | null;
  onSubmit: () => void;
  /** While BOS is being asked: stop waiting (null until main has recorded the request). */
  onAbandon: (() => void) | null;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** The amount field, its live check, Show QR, and the touch keypad. */
export function AmountEntry({ text, onText, showReason, capPaise, creating, error, notice, onSubmit, onAbandon, inputRef }: Props) {
  const parsed = parseAmount(text, { capPaise });
  const reason = showReason && !parsed.ok ? amountReason(parsed.error) : '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const press = (key: string) => {
    if (key === '.' && text.includes('.')) return;
    onText((text + key).slice(0, MAX_CHARS));
  };

  return (
    <section className="sell-entry">
      <form className="amount-form" onSubmit={submit} noValidate>
        <label htmlFor="amount" className="amount-label">{t.sell.amount}</label>
        <div className="amount-row">
          <span className="rupee" aria-hidden="true">₹</span>
          <input
            id="amount"
            ref={inputRef}
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            maxLength={MAX_CHARS}
            value={text}
            disabled={creating}
            aria-invalid={reason !== ''}
            aria-describedby="amount-hint amount-reason"
            data-help-key="on"
            onKeyDown={keepToAmountKeys}
            onChange={(event) => onText(event.target.value)}
          />
        </div>
        <p id="amount-hint" className="hint">{t.sell.amountHint}</p>
        <p id="amount-reason" className="field-error" role="alert">{reason}</p>
        <p className="amount-preview">{parsed.ok ? t.sell.willCollect(formatPaise(parsed.value)) : ' '}</p>
        <button type="submit" className="primary huge" disabled={creating} aria-busy={creating}>
          {creating ? (
            <>
              <span className="spinner" aria-hidden="true" />
              {t.sell.asking}
            </>
          ) : (
            t.sell.showQr
          )}
        </button>
        {creating && (
          <button type="button" className="danger big abandon" disabled={!onAbandon} onClick={() => onAbandon?.()}>
            {t.sell.stopAsking}
          </button>
        )}
        <p className="visually-hidden" role="status">{creating ? t.sell.asking : ''}</p>
        {error && <ErrorBox error={error} />}
        {notice && !error && <NoticeBox notice={notice} />}
      </form>
      <Keypad disabled={creating} onKey={press} onBackspace={() => onText(text.slice(0, -1))} onClear={() => onText('')} />
    </section>
  );
}
