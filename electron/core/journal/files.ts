import { mkdir, open, readdir, readFile } from 'node:fs/promises';

/** An open day file. Node's FileHandle is one; tests hand in one that fails on cue. */
export interface JournalFile {
  /** One write call: it may take fewer bytes than given (a disk that filled up mid-line). */
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** The few file operations the journal needs, so a full disk or a short write can be played in a test. */
export interface JournalFiles {
  /** Creates the folder and any missing parents; returns the first folder it had to create, if any. */
  mkdir(path: string): Promise<string | undefined>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Buffer>;
  /** Opens for appending, creating the file owner-only when missing. */
  openAppend(path: string): Promise<JournalFile>;
  /** Makes a new name in this folder survive a power cut; best effort, since Windows cannot open a folder. */
  syncDir(path: string): Promise<void>;
}

export const nodeFiles: JournalFiles = {
  mkdir: (path) => mkdir(path, { recursive: true }),
  readdir: (path) => readdir(path),
  readFile: (path) => readFile(path),
  openAppend: (path) => open(path, 'a', 0o600),
  async syncDir(path) {
    try {
      const handle = await open(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Windows (EISDIR, EPERM) and some network drives cannot sync a folder; the file's own fsync is all there is.
    }
  },
};
