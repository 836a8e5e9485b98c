import type { OwnerView } from '../../contract/views';
import type { EventHub } from '../events';
import { OWNER_SESSION_MS, type OwnerLock } from './pin-lock';

/** The owner lock and the windows' view of it: told now, and again when the session runs out. */
export class OwnerSession {
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly lock: OwnerLock,
    private readonly events: EventHub,
  ) {}

  changed(): OwnerView {
    clearTimeout(this.expiry);
    const view = this.lock.view();
    if (view.unlocked) {
      this.expiry = setTimeout(() => this.changed(), OWNER_SESSION_MS + 100);
      this.expiry.unref?.();
    }
    this.events.emit('owner.changed', view);
    return view;
  }

  dispose(): void {
    clearTimeout(this.expiry);
  }
}
