import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CUSTOMER_CHANNELS } from '../../../electron/contract/customer';
import { ipcChannel, POS_METHODS } from '../../../electron/contract/operations';
import type { BootRecord, WindowRecord } from './protocol';

/** Every channel main must handle: one per contract operation, and the customer display's view. */
export const EXPECTED_CHANNELS: readonly string[] = [...Object.values(POS_METHODS).map((operation) => ipcChannel(operation)), CUSTOMER_CHANNELS.view];

/** The factory's safety settings; devTools depends on the build and is checked with it. */
export const HARDENED_PREFERENCES = { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false } as const;

/** Problems with a path main handed Electron: it must be absolute, inside `dir`, and exist. */
function fileProblems(what: string, path: unknown, dir: string): string[] {
  if (typeof path !== 'string' || !isAbsolute(path)) return [`${what}: ${JSON.stringify(path)} is not an absolute path`];
  const inside = relative(dir, path);
  if (inside.startsWith('..') || isAbsolute(inside)) return [`${what}: ${path} is not inside ${dir}`];
  return existsSync(path) ? [] : [`${what}: ${path} does not exist`];
}

/** Problems with one window: made by the hardened factory, its preload and the one page it loaded inside the build. */
export function windowProblems(window: WindowRecord, expected: { name: string; outDir: string; preload: string; page: string; devTools: boolean }): string[] {
  const problems: string[] = [];
  const prefs = window.webPreferences;
  for (const [key, value] of Object.entries({ ...HARDENED_PREFERENCES, devTools: expected.devTools })) {
    if (prefs[key] !== value) problems.push(`${expected.name} window: webPreferences.${key} is ${String(prefs[key])}, not ${String(value)}`);
  }
  problems.push(...fileProblems(`${expected.name} preload`, prefs.preload, join(expected.outDir, 'preload')));
  if (typeof prefs.preload === 'string' && !prefs.preload.endsWith(expected.preload)) problems.push(`${expected.name} preload: ${prefs.preload} is not ${expected.preload}`);
  // The factory's marks: hidden until ready, window.open denied, navigation and redirects checked.
  if (window.options.show !== false) problems.push(`${expected.name} window: not created hidden (show: false), so not by the factory`);
  if (!window.hasWindowOpenHandler) problems.push(`${expected.name} window: no window-open handler`);
  for (const event of ['will-navigate', 'will-redirect']) if (!window.contentsEvents.includes(event)) problems.push(`${expected.name} window: no ${event} guard`);
  if (window.loads.length !== 1) problems.push(`${expected.name} window: ${window.loads.length} loads (${window.loads.join(', ')}), not 1`);
  const url = window.loads[0];
  if (url !== undefined) {
    if (!url.startsWith('file:')) problems.push(`${expected.name} window: loaded ${url}, not a file of the build`);
    else {
      const path = fileURLToPath(url);
      problems.push(...fileProblems(`${expected.name} page`, path, join(expected.outDir, 'renderer')));
      if (!path.endsWith(expected.page)) problems.push(`${expected.name} page: ${path} is not ${expected.page}`);
    }
  }
  return problems;
}

/**
 * Everything that says the built main started as it must: start() finished without an error box, the
 * cashier's window came from the factory with a preload and page that exist in this build, and ipcMain
 * handles exactly the contract's channels. An empty list means it booted.
 */
export function bootProblems(record: BootRecord, outDir: string): string[] {
  const problems: string[] = [];
  if (record.start.state !== 'resolved') problems.push(`start() ${record.start.state}${record.start.message ? `: ${record.start.message}` : ''}`);
  for (const box of record.errorBoxes) problems.push(`error box "${box.title}": ${box.content}`);
  const cashier = record.windows[0];
  if (!cashier) problems.push('no window was created');
  else problems.push(...windowProblems(cashier, { name: 'cashier', outDir, preload: 'index.cjs', page: 'index.html', devTools: !record.packaged }));
  const missing = EXPECTED_CHANNELS.filter((channel) => !record.handled.includes(channel));
  const extra = record.handled.filter((channel) => !EXPECTED_CHANNELS.includes(channel));
  if (missing.length > 0) problems.push(`ipcMain does not handle ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`ipcMain also handles ${extra.join(', ')}`);
  if (!record.session.permissionRequest || !record.session.permissionCheck || !record.session.headers) problems.push(`session not hardened: ${JSON.stringify(record.session)}`);
  return problems;
}
