export { hashPin, LOCK_MS, MAX_TRIES, OWNER_SESSION_MS, OwnerLock, pinMatches, type PinStore, type StoredPin, type UnlockOutcome } from './pin-lock';
export { pinStoreIn } from './pin-store';
export { OwnerSession } from './session';
