/**
 * A stand-in for the `electron` module, loaded (through register.ts) by a child process that imports the
 * BUILT main, out/main/index.js. It records what main does and answers the test's commands over the fork
 * channel. It behaves like Electron where main depends on it: loadURL of a missing file rejects, a second
 * ipcMain.handle on one channel throws, app.quit() closes the windows and then emits will-quit. Unlike
 * Electron it does not end the process after will-quit, so the test can see what main's dispose left open.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listenForCommands, preventable } from './control';
import { FAKE_ENV, type BootRecord, type ChildMessage, type WindowRecord } from './protocol';

const record: BootRecord = {
  packaged: process.env[FAKE_ENV.packaged] === '1',
  log: [],
  windows: [],
  handled: [],
  listened: [],
  appEvents: [],
  applicationMenu: [],
  session: { permissionRequest: false, permissionCheck: false, headers: false },
  fetched: [],
  errorBoxes: [],
  paths: {},
  switches: [],
  start: { state: 'pending' },
  quit: { requested: 0, willQuitEmitted: false },
};

const tell = (message: ChildMessage) => process.send?.(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An emitter that notes the name of every listener main adds to it. */
function recorded<T extends EventEmitter>(emitter: T, into: string[]): T {
  emitter.on('newListener', (name: string | symbol) => {
    if (name !== 'newListener') into.push(String(name));
  });
  return emitter;
}

export type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = { name: 'main frame' };
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  constructor(private readonly owner: WindowRecord) {
    super();
    recorded(this, owner.contentsEvents);
  }
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler;
    this.owner.hasWindowOpenHandler = true;
  }
  send(channel: string) {
    this.owner.sent.push(channel);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

const windows: FakeBrowserWindow[] = [];
let quitting = false;

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly record: WindowRecord;
  private fullScreen = false;
  constructor(options: Record<string, unknown> = {}) {
    super();
    const index = windows.length;
    this.record = { index, options, webPreferences: { ...((options.webPreferences as Record<string, unknown> | undefined) ?? {}) }, loads: [], shown: 'no', closed: false, windowEvents: [], contentsEvents: [], hasWindowOpenHandler: false, sent: [] };
    recorded(this, this.record.windowEvents);
    this.webContents = new FakeWebContents(this.record);
    windows.push(this);
    record.windows.push(this.record);
    record.log.push(`BrowserWindow#${index} created`);
    this.fullScreen = options.fullscreen === true;
  }
  /** Like Electron: a file: URL whose file is missing rejects (ERR_FILE_NOT_FOUND); ready-to-show follows a load. */
  async loadURL(url: string): Promise<void> {
    this.record.loads.push(url);
    record.log.push(`BrowserWindow#${this.record.index} loadURL ${url}`);
    if (url.startsWith('file:') && !existsSync(fileURLToPath(url))) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
    setImmediate(() => this.emit('ready-to-show'));
  }
  loadFile(path: string): Promise<void> {
    return this.loadURL(pathToFileURL(path).toString());
  }
  show() {
    this.record.shown = 'show';
  }
  showInactive() {
    this.record.shown = 'showInactive';
  }
  focus() {}
  isDestroyed() {
    return this.record.closed;
  }
  isFullScreen() {
    return this.fullScreen;
  }
  setFullScreen(on: boolean) {
    this.fullScreen = on;
  }
  setBounds() {}
  /** As when the user closes it: close (preventable), then destroyed, closed, and all-closed or quit. */
  close() {
    if (this.record.closed) return;
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.record.closed = true;
    record.log.push(`BrowserWindow#${this.record.index} closed`);
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
    if (!quitting && windows.every((w) => w.record.closed)) {
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    }
  }
}

class FakeApp extends EventEmitter {
  readonly isPackaged = record.packaged;
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => {
      record.switches.push(value === undefined ? name : `${name}=${value}`);
    },
  };
  constructor() {
    super();
    recorded(this, record.appEvents);
  }
  setPath(name: string, path: string) {
    record.paths[name] = path;
  }
  /** userData only once main has set it: the test gives every run its own (COUNTER_USER_DATA_DIR). */
  getPath(name: string): string {
    const set = record.paths[name];
    if (set) return set;
    if (name === 'userData') throw new Error('fake electron: userData was never set (main must honour COUNTER_USER_DATA_DIR)');
    return tmpdir();
  }
  getVersion() {
    return '0.0.0-boot-test';
  }
  getName() {
    return 'Counter';
  }
  requestSingleInstanceLock() {
    return process.env[FAKE_ENV.secondInstance] !== '1';
  }
  /**
   * Resolved at once. Its then() also reports to the test when main's `whenReady().then(start)` settles,
   * which is how the test knows start() finished or threw.
   */
  whenReady(): PromiseLike<void> {
    record.log.push('app.whenReady');
    const ready = Promise.resolve();
    return {
      then(onReady, onFailed) {
        const chained = ready.then(onReady, onFailed);
        chained.then(
          () => {
            record.start = { state: 'resolved' };
            tell({ kind: 'started', ok: true });
          },
          (error: unknown) => {
            record.start = { state: 'rejected', message: messageOf(error) };
            tell({ kind: 'started', ok: false, message: messageOf(error) });
          },
        );
        return chained;
      },
    };
  }
  /** Electron's order: before-quit, every window closed, will-quit, quit. */
  quit() {
    record.quit.requested += 1;
    record.log.push('app.quit');
    if (quitting) return;
    quitting = true;
    const before = preventable();
    this.emit('before-quit', before);
    for (const window of windows) window.close();
    const willQuit = preventable();
    this.emit('will-quit', willQuit);
    record.quit.willQuitEmitted = true;
    record.log.push('app will-quit');
    if (willQuit.defaultPrevented) {
      quitting = false;
      return;
    }
    this.emit('quit', preventable(), 0);
  }
}

export type Handler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  constructor() {
    super();
    recorded(this, record.listened);
  }
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
    record.handled.push(channel);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

export type PermissionHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
export type HeadersHook = (details: { responseHeaders: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;
export type SessionHooks = { permissionRequest?: PermissionHandler; headers?: HeadersHook };
const sessionHooks: SessionHooks = {};

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const BrowserWindow = FakeBrowserWindow;

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: PermissionHandler) {
      sessionHooks.permissionRequest = handler;
      record.session.permissionRequest = true;
    },
    setPermissionCheckHandler() {
      record.session.permissionCheck = true;
    },
    webRequest: {
      onHeadersReceived(hook: HeadersHook) {
        sessionHooks.headers = hook;
        record.session.headers = true;
      },
    },
  },
};

export const Menu = {
  setApplicationMenu(menu: unknown) {
    record.applicationMenu.push(menu === null ? null : 'menu');
    record.log.push(`Menu.setApplicationMenu(${menu === null ? 'null' : 'menu'})`);
  },
  buildFromTemplate: (template: unknown[]) => ({ items: template }),
  getApplicationMenu: () => null,
};

export const dialog = {
  showErrorBox(title: string, content: string) {
    record.errorBoxes.push({ title, content });
    record.log.push(`dialog.showErrorBox ${title}: ${content}`);
  },
  showSaveDialog: async () => ({ canceled: true, filePath: undefined }),
};

/** Loopback only (the embedded sandbox): a boot test never reaches a real BOS host. */
export const net = {
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    record.fetched.push(url.toString());
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return Promise.reject(new TypeError(`fake electron: refusing to fetch ${url.host}`));
    return globalThis.fetch(input, init);
  },
};

/** A Linux PC without a keyring: no real encryption, so main keeps the token for the session only. */
export const safeStorage = {
  getSelectedStorageBackend: () => 'basic_text',
  isAsyncEncryptionAvailable: async () => false,
  encryptStringAsync: async () => {
    throw new Error('fake electron: no encryption');
  },
  decryptStringAsync: async () => {
    throw new Error('fake electron: no encryption');
  },
};

const primary = { id: 1, label: '', size: { width: 1920, height: 1080 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
export const screen = Object.assign(new EventEmitter(), { getPrimaryDisplay: () => primary, getAllDisplays: () => [primary] });

export const shell = { openPath: async () => '' };

export default { app, ipcMain, BrowserWindow, session, Menu, dialog, net, safeStorage, screen, shell };

listenForCommands({ record, windows, handlers: ipcMain.handlers, sessionHooks, quit: () => app.quit(), tell });
