import type { PosError } from '../contract/errors';

/** The reason a write to the data folder failed, from the OS's error code. */
export type StorageFailure = 'disk_full' | 'read_only' | 'no_access' | 'io';

export function storageFailureOf(error: unknown): StorageFailure {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown; reason?: unknown }).reason ?? (error as { code?: unknown }).code : undefined;
  if (code === 'disk_full' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code === 'read_only' || code === 'EROFS') return 'read_only';
  if (code === 'no_access' || code === 'EACCES' || code === 'EPERM') return 'no_access';
  return 'io';
}

const MESSAGES: Record<StorageFailure, string> = {
  disk_full: 'Counter cannot save: the disk is full. Free some space on this PC, then try again.',
  read_only: 'Counter cannot save: its data folder is read-only. Ask whoever looks after this PC to make it writable.',
  no_access: 'Counter cannot save: it is not allowed to write to its data folder. Ask whoever looks after this PC to give it access.',
  io: 'Counter cannot save: writing to the disk failed. Check the disk, then try again.',
};

/** What the person sees when Counter could not write something down; `then` says what did (not) happen. */
export function notSaved(error: unknown, then: string): PosError {
  return { code: 'not_saved', message: `${MESSAGES[storageFailureOf(error)]} ${then}` };
}
