import { writeFile } from 'node:fs/promises';
import type { PosResult } from '../../contract/errors';
import type { ExportView } from '../../contract/views';
import { err, ok } from '../../contract/result';

export interface HistoryDeps {
  /**
   * Electron: asks the owner where to save an export (null: they cancelled); the suggested name's
   * extension (.csv, .xlsx) says which kind of file it is. Absent in the preview, which hands the file to the browser.
   */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
}

export interface ExportFile {
  fileName: string;
  bytes: Buffer;
  mimeType: string;
}

/** Hands an export of `rows` rows to the owner: saved where they choose (Electron), or as a download (the preview). */
export async function deliverExport(file: ExportFile, rows: number, deps: HistoryDeps): Promise<PosResult<ExportView>> {
  if (!deps.chooseExportPath) {
    const text = file.mimeType.startsWith('text/');
    return ok({ kind: 'download', fileName: file.fileName, mimeType: file.mimeType, encoding: text ? 'utf8' : 'base64', content: file.bytes.toString(text ? 'utf8' : 'base64'), rows });
  }
  const path = await deps.chooseExportPath(file.fileName);
  if (!path) return ok({ kind: 'cancelled' });
  try {
    await writeFile(path, file.bytes, { mode: 0o600 });
  } catch {
    return err({ code: 'internal', message: 'Counter could not write the file there. Choose another folder (a USB stick may be full or read-only).' });
  }
  return ok({ kind: 'saved', path, rows });
}
