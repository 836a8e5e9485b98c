import type { AppInfo, PosError } from '../../../electron/contract';
import { t } from '../i18n';

/** Sandbox: a wide amber banner no one can miss. Live: no banner (see LiveBadge). Engine unreachable: a red one. */
export function ModeBanner({ info, error }: { info: AppInfo | null; error: PosError | null }) {
  if (error && !info) return <div className="banner banner-error" role="alert">{error.message}</div>;
  if (!info?.sandbox) return null;
  return <div className="banner banner-sandbox" role="note">{t.app.sandboxBanner}</div>;
}

/** Live mode: a small badge with the BOS host, so the owner sees where real payments go. */
export function LiveBadge({ info }: { info: AppInfo | null }) {
  if (!info || info.sandbox) return null;
  return <span className="live-badge" role="note">{t.app.liveBadge(info.bosHost)}</span>;
}
