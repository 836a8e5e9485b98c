import type { HubView } from '../../../electron/contract';
import { t } from '../i18n';

/** The top bar's word on the shop hub link: nothing when no hub is paired. Selling never waits for it. */
export function HubBadge({ hub }: { hub: HubView | null }) {
  if (!hub || (!hub.paired && hub.state === 'off')) return null;
  const words = t.hubBadge;
  const text = { connected: words.connected, connecting: words.connecting, reconnecting: words.reconnecting, refused: words.refused, off: words.off }[hub.state];
  const tone = hub.state === 'connected' ? 'ok' : hub.state === 'refused' || hub.state === 'off' ? 'bad' : 'wait';
  return (
    <span className={`hub-badge hub-${tone}`} role="status" data-testid="hub-badge" data-state={hub.state}>
      <span className="visually-hidden">{words.label}: </span>
      {text}
    </span>
  );
}
