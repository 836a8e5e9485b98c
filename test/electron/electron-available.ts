import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether the Electron binary is on disk, found without requiring `electron` (which would try to download it). */
export function electronBinary(): { path: string } | { missing: string } {
  const root = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(root, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'Electron binary not downloaded (node_modules/electron/path.txt absent; this machine cannot reach the Electron release host)' };
  const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `Electron binary not found at ${binary}` };
}
