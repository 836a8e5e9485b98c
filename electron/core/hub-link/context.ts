import type { EventHub } from '../events';
import type { Journal } from '../journal';
import type { CurrentSettings } from '../settings';

/** What the hub link works with: the pairing kept in settings, the environment, the journal it sends, the events it tells. */
export interface HubLinkContext {
  settings: CurrentSettings;
  bos: { isSandbox(): boolean };
  journal: Journal;
  journalDir: string;
  events: EventHub;
}
