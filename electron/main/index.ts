import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserWindow} from 'electron';
import { app, dialog, ipcMain, Menu, net } from 'electron';
import { createCounterServices, type CounterServices } from '../core/services';
import { createEmbedded } from '../shell/embedded';
import { electronCustomerWindows } from './adapters/customer-window';
import { createElectronScreens } from './adapters/screens';
import { createSafeStorageSecretBox } from './adapters/secret-box';
import { createElectronSettingsStore } from './adapters/settings-store';
import { startCustomerDisplay, type CustomerDisplay } from './customer-window';
import { forwardEvents, registerIpc } from './ipc';
import { createTrustedSenders } from './trusted-senders';
import { createAppWindow } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
// Date fields and number formats follow the Indian convention (23/11/2026) whatever the PC's locale.
app.commandLine.appendSwitch('lang', 'en-IN');
if (process.env.COUNTER_USER_DATA_DIR) app.setPath('userData', process.env.COUNTER_USER_DATA_DIR);

let services: CounterServices | null = null;
let customerDisplay: CustomerDisplay | null = null;
let cashierWindow: BrowserWindow | null = null;

/** The built page, or the dev server's, for one renderer entry. */
function pageUrl(page: 'index.html' | 'customer.html'): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (dev) return page === 'index.html' ? dev : new URL(page, dev.endsWith('/') ? dev : `${dev}/`).toString();
  return pathToFileURL(join(here, '../renderer', page)).toString();
}

/** The embedded default's sandbox and in-process hub; the hub starts only when a counter without its own hub needs it. */
const embedded = createEmbedded({ hubDataDir: join(app.getPath('userData'), 'hub') });

async function start(): Promise<void> {
  // Packaged: no application menu, so no View > Toggle Developer Tools nor its keys (Electron sets its default before ready).
  if (app.isPackaged) Menu.setApplicationMenu(null);
  const dataDir = app.getPath('userData');
  const notices: string[] = [];
  const screens = createElectronScreens();
  services = await createCounterServices({
    settingsStore: createElectronSettingsStore(dataDir, (notice) => notices.push(notice)),
    secretBox: createSafeStorageSecretBox(dataDir),
    hubSecretBox: createSafeStorageSecretBox(dataDir, 'hub-secrets'),
    dataDir,
    fetch: net.fetch as unknown as typeof fetch,
    version: app.getVersion(),
    shell: 'electron',
    // The embedded default: the sandbox, and an in-process shop hub (PGlite under userData) its webhooks go to.
    startSandbox: embedded.startSandbox,
    embeddedHub: embedded.embeddedHub,
    startupNotices: notices,
    chooseExportPath: async (suggestedName) => {
      const owner = cashierWindow && !cashierWindow.isDestroyed() ? cashierWindow : null;
      const filters = suggestedName.endsWith('.xlsx') ? [{ name: 'Excel workbook', extensions: ['xlsx'] }] : [{ name: 'CSV', extensions: ['csv'] }];
      const options = { title: 'Save the sales export', defaultPath: join(app.getPath('documents'), suggestedName), filters };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    listDisplays: () => screens.list().map(({ id, label, primary }) => ({ id, label, primary })),
    openCustomerDisplay: async () => {
      if (!customerDisplay) throw new Error('customer display not ready');
      return customerDisplay.open();
    },
  });
  const senders = createTrustedSenders();
  registerIpc(ipcMain, services, (event, allowed) => senders.isTrusted(event, allowed));
  forwardEvents(services, senders.all);

  const rendererUrl = pageUrl('index.html');
  const window = createAppWindow({ preload: join(here, '../preload/index.cjs'), rendererUrl, title: 'Counter', devTools: !app.isPackaged });
  cashierWindow = window;
  senders.add(window.webContents, 'cashier');
  // The customer display never outlives the cashier's window.
  window.on('closed', () => app.quit());
  await window.loadURL(rendererUrl);

  customerDisplay = await startCustomerDisplay({
    services,
    screens,
    openWindow: electronCustomerWindows({ preload: join(here, '../preload/customer.cjs'), rendererUrl: pageUrl('customer.html'), trust: (contents) => senders.add(contents, 'customer') }),
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => cashierWindow?.focus());
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Counter could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
  app.on('window-all-closed', () => app.quit());
  // Electron ends the process as soon as will-quit returns: hold the quit once, until the journal,
  // the sandbox and the hub are closed, then quit for real.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    disposed = true;
    event.preventDefault();
    customerDisplay?.dispose();
    void Promise.resolve(services?.dispose())
      .then(() => embedded.close())
      .catch(() => undefined)
      .finally(() => app.quit());
  });
}
