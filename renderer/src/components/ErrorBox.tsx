import type { PosError } from '../../../electron/contract';
import { language, t } from '../i18n';

/**
 * A letter of a script other than Latin: a message the renderer itself wrote in the language in use
 * (a form check), not one of main's English ones. Every language Counter speaks besides English is
 * written in its own script.
 */
const OWN_SCRIPT = /(?!\p{Script=Latin})\p{L}/u;

interface ErrorBoxProps {
  error: PosError;
  /** What main's English message says beyond its code's sentence (a refund refusal's next step), in the language in use. */
  detail?: string;
}

/**
 * The plain explanation first, then BOS's own words and code when BOS said no.
 * Main's `message` is always English. In another language a sentence in that language chosen by
 * the error's code comes first, and the English message stays below it in smaller type, for staff
 * who read English and for support; a message the renderer already wrote in that language is shown
 * as it is. `detail`, when the caller knows what main's message says, goes between the two.
 */
export function ErrorBox({ error, detail }: ErrorBoxProps) {
  const bosLine = error.bosMessage ? [t.errors.bosSaid, error.bosMessage, error.bosCode ? t.errors.code(error.bosCode) : ''].filter(Boolean).join(' ') : null;
  const translated = language() !== 'en' && !OWN_SCRIPT.test(error.message) ? explain(error) : null;
  return (
    <div className="error-box" role="alert">
      {translated ? (
        <>
          <p className="error-message">{translated}</p>
          {detail && <p className="error-detail">{detail}</p>}
          <p className="english-line" lang="en-IN">{error.message}</p>
        </>
      ) : (
        <p className="error-message">{error.message}</p>
      )}
      {bosLine && <p className="bos-said">{bosLine}</p>}
    </div>
  );
}

/** The sentence for an error's code, with main's figure in it when it sent one (tries left, minutes locked). */
function explain(error: PosError): string {
  if (error.count !== undefined && (error.code === 'wrong_pin' || error.code === 'locked_out')) return t.errors.withCount[error.code](error.count);
  return t.errors.byCode[error.code];
}
