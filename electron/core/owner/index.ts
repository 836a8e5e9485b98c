export { hashPin, LOCK_MS, OWNER_SESSION_MS, OwnerLock, pinMatches, type StoredPin, type UnlockOutcome } from './pin-lock';
export { pinStoreIn } from './pin-store';
export { OwnerSession } from './session';
