import { err, ok } from '../../contract/result';
import type { HandlersFor } from '../dispatch';
import type { Journal } from '../journal';
import { notSaved } from '../storage-errors';
import type { OwnerLock } from './pin-lock';
import type { OwnerSession } from './session';

export function ownerHandlers(owner: OwnerSession, journal: Journal): HandlersFor<'owner.status' | 'owner.setPin' | 'owner.unlock' | 'owner.lock'> {
  return {
    'owner.status': async () => ok(owner.lock.view()),
    'owner.setPin': async ({ pin }) => {
      let set: boolean;
      try {
        set = await owner.lock.setPin(pin);
      } catch (error) {
        return err(notSaved(error, 'The PIN was not set.'));
      }
      if (!set) return err({ code: 'owner_required', message: 'Unlock with the current owner PIN before changing it.' });
      await journal.append('owner.pin_set', {}).catch(() => undefined);
      return ok(owner.changed());
    },
    'owner.unlock': async ({ pin }) => {
      let outcome: Awaited<ReturnType<OwnerLock['unlock']>>;
      try {
        outcome = await owner.lock.unlock(pin);
      } catch (error) {
        // The try could not be counted on disk, so it is not judged: a lockout that cannot be written down cannot hold.
        return err(notSaved(error, 'The PIN was not checked.'));
      }
      if (outcome.ok) return ok(owner.changed());
      owner.changed();
      if (outcome.reason === 'no_pin') return err({ code: 'not_found', message: 'No owner PIN is set yet. Open Settings to set one.' });
      await journal.append('owner.pin_refused', { locked: outcome.reason === 'locked' }).catch(() => undefined);
      if (outcome.reason === 'locked') {
        const minutes = Math.ceil(outcome.lockedForMs / 60_000);
        return err({ code: 'locked_out', message: `Too many wrong PINs. The PIN is locked for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`, count: minutes });
      }
      return err({ code: 'wrong_pin', message: `That PIN is not right. ${outcome.triesLeft} ${outcome.triesLeft === 1 ? 'try' : 'tries'} left before it locks for 5 minutes.`, count: outcome.triesLeft });
    },
    'owner.lock': async () => {
      owner.lock.lock();
      return ok(owner.changed());
    },
  };
}
