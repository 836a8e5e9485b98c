import type { CurrentSettings } from '../settings';
import type { PinStore } from './pin-lock';

/** The owner PIN is kept with the settings (its hash and wrong-try count, never the PIN). */
export function pinStoreIn(settings: CurrentSettings): PinStore {
  return { read: () => settings.get().ownerPin, write: (ownerPin) => settings.save({ ...settings.get(), ownerPin }) };
}
