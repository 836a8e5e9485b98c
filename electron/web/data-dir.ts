import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The preview's own data folder for this user: `$XDG_DATA_HOME/counter-preview`, else
 * `~/.local/share/counter-preview`. Never a shared, guessable place such as /tmp, where
 * another user could plant or read the journal and settings.
 */
export function defaultPreviewDataDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_DATA_HOME;
  // The XDG rules say a relative value is to be ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share'), 'counter-preview');
}

/**
 * Makes `dir` (and its parents) if missing and leaves it readable by this user only (0700).
 * Refuses a symlink, or a folder another user owns: the preview would be writing into their hands.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (stat.isSymbolicLink() || !stat.isDirectory()) throw new Error(`${dir} is not a plain folder; choose another with --data-dir.`);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) throw new Error(`${dir} belongs to another user; choose another with --data-dir.`);
  if ((stat.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}
