import type { PosError } from '../../../electron/contract';
import { t } from '../i18n';

/** The plain explanation first, then BOS's own words and code when BOS said no. */
export function ErrorBox({ error }: { error: PosError }) {
  const bosLine = error.bosMessage ? [t.errors.bosSaid, error.bosMessage, error.bosCode ? t.errors.code(error.bosCode) : ''].filter(Boolean).join(' ') : null;
  return (
    <div className="error-box" role="alert">
      <p className="error-message">{error.message}</p>
      {bosLine && <p className="bos-said">{bosLine}</p>}
    </div>
  );
}
