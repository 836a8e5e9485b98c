/**
 * What the fake `electron` module (running inside the child that loads the built main) records, and the
 * messages the test sends it over the fork channel. Plain data both ways: it crosses a process boundary.
 */

/** Env vars the fake reads in the child. */
export const FAKE_ENV = {
  packaged: 'FAKE_ELECTRON_PACKAGED',
  secondInstance: 'FAKE_ELECTRON_SECOND_INSTANCE',
} as const;

export interface KeyPress {
  key: string;
  code?: string;
  control?: boolean;
  shift?: boolean;
  alt?: boolean;
  meta?: boolean;
}

export interface WindowRecord {
  index: number;
  /** The constructor's options as main passed them (webPreferences included). */
  options: Record<string, unknown>;
  webPreferences: Record<string, unknown>;
  /** Every loadURL / loadFile, as `url` (loadFile's path turned into a file URL). */
  loads: string[];
  shown: 'no' | 'show' | 'showInactive';
  closed: boolean;
  /** Names of the listeners main put on the window and on its webContents. */
  windowEvents: string[];
  contentsEvents: string[];
  hasWindowOpenHandler: boolean;
  /** Channels main sent to this window (webContents.send). */
  sent: string[];
}

export interface BootRecord {
  packaged: boolean;
  /** Everything main did, in order ("app.whenReady", "Menu.setApplicationMenu(null)", "BrowserWindow#0 created", …). */
  log: string[];
  windows: WindowRecord[];
  /** ipcMain.handle channels, in registration order. */
  handled: string[];
  /** ipcMain.on channels (electron-store registers one of its own). */
  listened: string[];
  appEvents: string[];
  /** Each Menu.setApplicationMenu call: null, or 'menu' for a menu object. */
  applicationMenu: Array<null | 'menu'>;
  session: { permissionRequest: boolean; permissionCheck: boolean; headers: boolean };
  /** URLs main fetched through net.fetch. */
  fetched: string[];
  errorBoxes: Array<{ title: string; content: string }>;
  paths: Record<string, string>;
  switches: string[];
  /** What became of `app.whenReady().then(start)`. */
  start: { state: 'pending' | 'resolved' | 'rejected'; message?: string };
  quit: { requested: number; willQuitEmitted: boolean };
}

/** Who an invoke comes from: one of main's windows (by creation index) or a WebContents main never made. */
export type Sender = { window: number } | 'stranger';

export type Command =
  | { op: 'snapshot' }
  | { op: 'invoke'; channel: string; input?: unknown; from: Sender }
  | { op: 'key'; window: number; input: KeyPress }
  | { op: 'navigate'; window: number; url: string }
  | { op: 'windowOpen'; window: number; url: string }
  | { op: 'permission'; permission: string }
  | { op: 'headers' }
  | { op: 'closeWindow'; window: number }
  | { op: 'quit' };

export type CommandMessage = Command & { id: number };

export type ChildMessage =
  /** The fake is loaded and takes commands (a message sent before that would be lost). */
  | { kind: 'listening' }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string }
  | { kind: 'started'; ok: boolean; message?: string };
