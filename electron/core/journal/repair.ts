import type { JournalFile, JournalFiles } from './files';
import { shortWrite } from './errors';

const NEWLINE = 0x0a;

/** One write that must take the whole buffer, fsync'd; a short write is a failure (the disk filled up). */
export async function writeWhole(file: JournalFile, bytes: Uint8Array): Promise<void> {
  const { bytesWritten } = await file.write(bytes, 0, bytes.length);
  if (bytesWritten !== bytes.length) throw shortWrite();
  await file.datasync();
}

function parses(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** Where the file's complete, readable lines end, in bytes (a text offset would count an invalid byte as three). */
export function completeLength(bytes: Buffer): number {
  const keep = bytes.lastIndexOf(NEWLINE) + 1;
  if (keep === 0) return 0;
  // A damaged final complete line is set aside too. (A negative offset would search from the end.)
  const start = keep >= 2 ? bytes.lastIndexOf(NEWLINE, keep - 2) + 1 : 0;
  const last = bytes.subarray(start, keep - 1);
  return last.length === 0 || parses(last) ? keep : start;
}

/**
 * Before appending to a day file, cuts off a torn last line (a write the power cut interrupted)
 * into `<day>.jsonl.corrupt`, keeping every complete line. `bytes` is the file as it is now;
 * returns its length after the cut, where the next line goes.
 */
export async function repairTail(files: JournalFiles, path: string, file: JournalFile, bytes: Buffer, onWarning: (message: string) => void): Promise<number> {
  const keep = completeLength(bytes);
  if (keep === bytes.length) return keep;
  const aside = await files.openAppend(`${path}.corrupt`);
  try {
    // Kept before the cut, so a power cut in between loses nothing.
    await writeWhole(aside, Buffer.concat([bytes.subarray(keep), Buffer.from('\n')]));
  } finally {
    await aside.close();
  }
  await file.truncate(keep);
  await file.datasync();
  onWarning(`The journal's last line was incomplete (the app stopped mid-write). It was moved to ${path}.corrupt; every complete line is kept.`);
  return keep;
}
