import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron is mocked whole: the real module would try to download its binary.
const mocks = vi.hoisted(() => {
  const windows: Array<{ options: { webPreferences: Record<string, unknown> }; handlers: Map<string, (...args: unknown[]) => void> }> = [];
  return { windows };
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: { setWindowOpenHandler: () => void; on: (name: string, h: (...args: unknown[]) => void) => void };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      const record = { options, handlers: new Map<string, (...args: unknown[]) => void>() };
      mocks.windows.push(record);
      this.webContents = { setWindowOpenHandler: () => undefined, on: (name, h) => { record.handlers.set(name, h); } };
    }
    once() {}
  }
  const session = { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, webRequest: { onHeadersReceived() {} } } };
  return { BrowserWindow, session };
});

const { createAppWindow, createCustomerWindow, hardenedWebPreferences, isDevToolsShortcut } = await import('../../electron/main/window');

const source = { preload: '/app/preload/index.cjs', rendererUrl: 'file:///app/renderer/index.html' };
const prefsOf = (index: number) => mocks.windows[index]!.options.webPreferences;

/** Sends one key to a window's before-input-event handler; true when the factory's guard swallowed it. */
function swallowed(index: number, input: Record<string, unknown>): boolean {
  const handler = mocks.windows[index]!.handlers.get('before-input-event');
  if (!handler) return false;
  const event = { preventDefault: vi.fn() };
  handler(event, { type: 'keyDown', ...input });
  return event.preventDefault.mock.calls.length > 0;
}

const DEVTOOLS_KEYS = [
  { key: 'F12', code: 'F12' },
  { key: 'I', code: 'KeyI', control: true, shift: true },
  { key: 'J', code: 'KeyJ', control: true, shift: true },
  { key: 'C', code: 'KeyC', control: true, shift: true },
  { key: 'i', code: 'KeyI', meta: true, alt: true },
  { key: 'j', code: 'KeyJ', meta: true, alt: true },
  // Hindi InScript: the I key types a Devanagari vowel sign; Chromium's shortcut still fires on the physical key.
  { key: 'ि', code: 'KeyI', control: true, shift: true },
];
const ORDINARY_KEYS = [
  { key: 'F2', code: 'F2' },
  { key: 'F9', code: 'F9' },
  { key: '5', code: 'Digit5' },
  { key: 'I', code: 'KeyI', shift: true },
  { key: 'c', code: 'KeyC', control: true },
  { key: 'v', code: 'KeyV', control: true },
  { key: 'Enter', code: 'Enter' },
];

describe('DevTools in the window factory', () => {
  beforeEach(() => {
    mocks.windows.length = 0;
  });

  it('a packaged build (devTools: false) has DevTools off and swallows every DevTools key, not the cashier\'s keys', () => {
    createAppWindow({ ...source, title: 'Counter', devTools: false });
    expect(prefsOf(0)).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    for (const key of DEVTOOLS_KEYS) expect(swallowed(0, key), JSON.stringify(key)).toBe(true);
    for (const key of ORDINARY_KEYS) expect(swallowed(0, key), JSON.stringify(key)).toBe(false);
  });

  it('DevTools are off when the caller does not say otherwise', () => {
    createAppWindow({ ...source, title: 'Counter' });
    expect(prefsOf(0).devTools).toBe(false);
    expect(swallowed(0, { key: 'F12', code: 'F12' })).toBe(true);
    expect(hardenedWebPreferences('/p.cjs').devTools).toBe(false);
  });

  it('an unpackaged build (devTools: true) keeps DevTools and their keys, still sandboxed', () => {
    createAppWindow({ ...source, title: 'Counter', devTools: true });
    expect(prefsOf(0)).toMatchObject({ devTools: true, sandbox: true, contextIsolation: true, nodeIntegration: false });
    for (const key of DEVTOOLS_KEYS) expect(swallowed(0, key), JSON.stringify(key)).toBe(false);
  });

  it('the customer display\'s window has DevTools off unless asked, in a window or full screen', () => {
    createCustomerWindow({ preload: '/app/preload/customer.cjs', rendererUrl: 'file:///app/renderer/customer.html', placement: { kind: 'window' } });
    createCustomerWindow({ preload: '/app/preload/customer.cjs', rendererUrl: 'file:///app/renderer/customer.html', placement: { kind: 'fullscreen', displayId: '2', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } } });
    for (const index of [0, 1]) {
      expect(prefsOf(index).devTools).toBe(false);
      expect(swallowed(index, { key: 'I', code: 'KeyI', control: true, shift: true })).toBe(true);
    }
  });
});

describe('isDevToolsShortcut', () => {
  it('reads the letter from the physical key when there is one, else from the key', () => {
    expect(isDevToolsShortcut({ key: 'I', control: true, shift: true })).toBe(true);
    expect(isDevToolsShortcut({ key: 'x', code: 'KeyJ', control: true, shift: true })).toBe(true);
    expect(isDevToolsShortcut({ key: 'j', code: 'KeyX', control: true, shift: true })).toBe(false);
  });

  it('needs both modifiers of a pair: Ctrl+Shift or Cmd+Alt', () => {
    for (const mods of [{ control: true }, { shift: true }, { alt: true }, { meta: true }, { control: true, alt: true }, { meta: true, shift: true }]) {
      expect(isDevToolsShortcut({ key: 'i', code: 'KeyI', ...mods }), JSON.stringify(mods)).toBe(false);
    }
  });
});
