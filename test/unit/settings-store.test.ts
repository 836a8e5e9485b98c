import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// electron-store is mocked (the real one reaches for Electron's binary); it refuses an
// unreadable file the way the real one does with clearInvalidConfig off: by throwing.
const mocks = vi.hoisted(() => ({ opened: [] as Array<{ options: Record<string, unknown> }> }));
vi.mock('electron-store', async () => {
  const { readFileSync } = await import('node:fs');
  const { join: joinPath } = await import('node:path');
  return {
    default: class {
      store: Record<string, unknown>;
      constructor(options: { name: string; cwd: string }) {
        mocks.opened.push({ options });
        let text = '{}';
        try {
          text = readFileSync(joinPath(options.cwd, `${options.name}.json`), 'utf8');
        } catch {
          // a missing file is an empty store
        }
        this.store = JSON.parse(text) as Record<string, unknown>;
      }
    },
  };
});

const { createElectronSettingsStore } = await import('../../electron/main/adapters/settings-store');
const { readSettings, DEFAULT_SETTINGS } = await import('../../electron/core/settings');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-settings-'));
  mocks.opened.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the settings file in the app', () => {
  it('is opened with mode 0600 and without electron-store silently clearing it', () => {
    createElectronSettingsStore(dir, () => undefined);
    expect(mocks.opened[0]!.options).toMatchObject({ name: 'settings', cwd: dir, configFileMode: 0o600, clearInvalidConfig: false });
  });

  it('an unreadable file is moved aside with a notice, and the app starts on defaults', () => {
    writeFileSync(join(dir, 'settings.json'), '{"environment": "live", garbage');
    const notices: string[] = [];
    const store = createElectronSettingsStore(dir, (n) => notices.push(n));
    expect(notices).toEqual([expect.stringMatching(/could not be read; it was moved to .*settings\.json\.corrupt-\d+ and Counter started on defaults\./)]);
    expect(readdirSync(dir).filter((f) => f.startsWith('settings.json.corrupt-'))).toHaveLength(1);
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
    expect(readSettings(store)).toEqual(DEFAULT_SETTINGS);
  });

  it('a readable file with one bad field keeps the good ones', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ terminalName: 'Till 4', capPaise: -5, liveBaseUrl: 'http://plain.example' }));
    const settings = readSettings(createElectronSettingsStore(dir, () => undefined));
    expect(settings).toMatchObject({ terminalName: 'Till 4', capPaise: DEFAULT_SETTINGS.capPaise, liveBaseUrl: DEFAULT_SETTINGS.liveBaseUrl });
  });
});
