// A journal file layer over the real one that fails on cue: a disk that fills up mid-line, a
// read-only disk, a folder Counter may not read. Each fault stays until the test clears it.
import { basename } from 'node:path';
import { nodeFiles, type JournalFile, type JournalFiles } from '../../electron/core/journal/files';

export interface Faults {
  /** Each write: how many of its bytes reach the disk, and the error thrown after them (none: a short write). */
  write?: (length: number) => { take: number; code?: string };
  datasync?: string;
  truncate?: string;
  open?: string;
  readdir?: string;
  /** Fails reading files whose name passes this test. */
  readFile?: { code: string; name: (name: string) => boolean };
}

const failure = (code: string) => Object.assign(new Error(`${code} (injected)`), { code });

export function faultyFiles(): { files: JournalFiles; faults: Faults; calls: string[] } {
  const faults: Faults = {};
  const calls: string[] = [];
  const wrap = (handle: JournalFile, name: string): JournalFile => ({
    async write(buffer, offset, length) {
      const fault = faults.write?.(length);
      if (!fault) return handle.write(buffer, offset, length);
      const { bytesWritten } = fault.take > 0 ? await handle.write(buffer, offset, fault.take) : { bytesWritten: 0 };
      if (fault.code) throw failure(fault.code);
      return { bytesWritten };
    },
    async datasync() {
      calls.push(`datasync ${name}`);
      if (faults.datasync) throw failure(faults.datasync);
      return handle.datasync();
    },
    async truncate(length) {
      if (faults.truncate) throw failure(faults.truncate);
      return handle.truncate(length);
    },
    close: () => handle.close(),
  });
  const files: JournalFiles = {
    mkdir: (path) => nodeFiles.mkdir(path),
    async readdir(path) {
      if (faults.readdir) throw failure(faults.readdir);
      return nodeFiles.readdir(path);
    },
    async readFile(path) {
      calls.push(`read ${basename(path)}`);
      if (faults.readFile?.name(basename(path))) throw failure(faults.readFile.code);
      return nodeFiles.readFile(path);
    },
    async openAppend(path) {
      calls.push(`open ${basename(path)}`);
      if (faults.open) throw failure(faults.open);
      return wrap(await nodeFiles.openAppend(path), basename(path));
    },
    async syncDir(path) {
      calls.push(`syncDir ${path}`);
      return nodeFiles.syncDir(path);
    },
  };
  return { files, faults, calls };
}
