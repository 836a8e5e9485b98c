/** Why a journal line could not be saved, in the words the cashier is shown. */
export type JournalWriteReason = 'disk_full' | 'read_only' | 'no_access' | 'io';

const MESSAGES: Record<JournalWriteReason, string> = {
  disk_full: 'Counter cannot save: the disk is full. Free some space on this PC, then try again.',
  read_only: 'Counter cannot save: the disk is read-only.',
  no_access: 'Counter cannot save: it is not allowed to write to its journal folder.',
  io: 'Counter cannot save: the disk or the journal folder reported an error.',
};

const REASONS: Readonly<Record<string, JournalWriteReason>> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  EFBIG: 'disk_full',
  EROFS: 'read_only',
  EACCES: 'no_access',
  EPERM: 'no_access',
};

/** An append that did not reach the disk: nothing of it is left in the file, and the caller must not act as if it were saved. */
export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError';
  readonly reason: JournalWriteReason;
  /** The system's code (ENOSPC, EROFS, EISDIR, ...) for logs and support; 'SHORT_WRITE' when the disk took part of a line. */
  readonly systemCode: string | null;

  constructor(reason: JournalWriteReason, systemCode: string | null, options?: { cause?: unknown }) {
    super(MESSAGES[reason], options);
    this.reason = reason;
    this.systemCode = systemCode;
  }
}

export function systemCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

export function toJournalWriteError(error: unknown): JournalWriteError {
  if (error instanceof JournalWriteError) return error;
  const code = systemCode(error);
  return new JournalWriteError((code && REASONS[code]) || 'io', code, { cause: error });
}

/** A write that stopped part-way: on a regular file that means the disk filled up mid-line. */
export function shortWrite(): JournalWriteError {
  return new JournalWriteError('disk_full', 'SHORT_WRITE');
}
