import type { PosError } from '../../../electron/contract';
import { language, t } from '../i18n';

/** Devanagari: a message the renderer itself wrote in Hindi (a form check), not one of main's English ones. */
const HINDI_SCRIPT = /[\u0900-\u097F]/;

/**
 * The plain explanation first, then BOS's own words and code when BOS said no.
 * Main's `message` is always English. In Hindi a Hindi sentence chosen by the error's code comes
 * first, and the English message stays below it in smaller type, for staff who read English and
 * for support; a message the renderer already wrote in Hindi is shown as it is.
 */
export function ErrorBox({ error }: { error: PosError }) {
  const bosLine = error.bosMessage ? [t.errors.bosSaid, error.bosMessage, error.bosCode ? t.errors.code(error.bosCode) : ''].filter(Boolean).join(' ') : null;
  const translated = language() === 'hi' && !HINDI_SCRIPT.test(error.message) ? explain(error) : null;
  return (
    <div className="error-box" role="alert">
      {translated ? (
        <>
          <p className="error-message">{translated}</p>
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
