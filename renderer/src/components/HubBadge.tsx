import type { HubView } from '../../../electron/contract';
import { t } from '../i18n';
import { formatTime } from '../i18n/dates';

/**
 * The top bar's word on the shop hub link: nothing when no hub is paired. Selling never waits for it.
 * Connected, but refusing this counter's journal for a while: that is what it says (amber), the
 * whole sentence for a screen reader and on hover: the owner's view of this counter is behind.
 */
export function HubBadge({ hub }: { hub: HubView | null }) {
  if (!hub || (!hub.paired && hub.state === 'off')) return null;
  const words = t.hubBadge;
  const text = { connected: words.connected, connecting: words.connecting, reconnecting: words.reconnecting, refused: words.refused, off: words.off }[hub.state];
  const stuckAt = hub.journalStuckSince ? formatTime(hub.journalStuckSince) : null;
  const linkTone = hub.state === 'connected' ? 'ok' : hub.state === 'refused' || hub.state === 'off' ? 'bad' : 'wait';
  const tone = linkTone === 'ok' && stuckAt ? 'wait' : linkTone;
  return (
    <span className={`hub-badge hub-${tone}`} role="status" data-testid="hub-badge" data-state={hub.state} data-journal={stuckAt ? 'stuck' : 'ok'} title={stuckAt ? words.journalStuckHelp(stuckAt) : undefined}>
      <span className="visually-hidden">{words.label}: </span>
      {stuckAt && hub.state === 'connected' ? (
        <>
          <span aria-hidden="true">{words.journalStuck(stuckAt)}</span>
          <span className="visually-hidden">{words.journalStuckHelp(stuckAt)}</span>
        </>
      ) : (
        text
      )}
    </span>
  );
}
