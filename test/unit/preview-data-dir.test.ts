import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPreviewDataDir, ensurePrivateDir } from '../../electron/web/data-dir';

const made: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'counter-datadir-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the browser preview\'s default data folder', () => {
  it('is per user: $XDG_DATA_HOME/counter-preview, else ~/.local/share/counter-preview, never the shared temp folder', () => {
    expect(defaultPreviewDataDir({ XDG_DATA_HOME: '/home/asha/.data' }, '/home/asha')).toBe('/home/asha/.data/counter-preview');
    expect(defaultPreviewDataDir({}, '/home/asha')).toBe('/home/asha/.local/share/counter-preview');
    // The XDG rules: a relative XDG_DATA_HOME is ignored.
    expect(defaultPreviewDataDir({ XDG_DATA_HOME: 'relative/data' }, '/home/asha')).toBe('/home/asha/.local/share/counter-preview');
    expect(defaultPreviewDataDir({ XDG_DATA_HOME: '' }, '/home/asha')).toBe('/home/asha/.local/share/counter-preview');
    expect(defaultPreviewDataDir({}, '/home/asha')).not.toContain(tmpdir());
  });

  it.skipIf(process.platform === 'win32')('is made 0700 with its parents, and an existing one is tightened to 0700', () => {
    const home = scratch();
    const dir = join(home, '.local', 'share', 'counter-preview');
    ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const loose = join(home, 'loose');
    mkdirSync(loose, { mode: 0o755 });
    ensurePrivateDir(loose);
    expect(statSync(loose).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')('refuses a symlink where the folder should be', () => {
    const home = scratch();
    mkdirSync(join(home, 'elsewhere'));
    symlinkSync(join(home, 'elsewhere'), join(home, 'counter-preview'));
    expect(() => ensurePrivateDir(join(home, 'counter-preview'))).toThrow(/not a plain folder/);
  });
});
