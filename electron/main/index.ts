import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net } from 'electron';
import { createCounterServices, type CounterServices } from '../core/services';
import { createSafeStorageSecretBox } from './adapters/secret-box';
import { createElectronSettingsStore } from './adapters/settings-store';
import { forwardEvents, registerIpc } from './ipc';
import { createTrustedSenders } from './trusted-senders';
import { createAppWindow } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
// Date fields and number formats follow the Indian convention (23/11/2026) whatever the PC's locale.
app.commandLine.appendSwitch('lang', 'en-IN');
if (process.env.COUNTER_USER_DATA_DIR) app.setPath('userData', process.env.COUNTER_USER_DATA_DIR);

let services: CounterServices | null = null;

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const notices: string[] = [];
  services = await createCounterServices({
    settingsStore: createElectronSettingsStore(dataDir, (notice) => notices.push(notice)),
    secretBox: createSafeStorageSecretBox(dataDir),
    dataDir,
    fetch: net.fetch as unknown as typeof fetch,
    version: app.getVersion(),
    shell: 'electron',
    startupNotices: notices,
    chooseExportPath: async (suggestedName) => {
      const owner = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = { title: 'Save the sales export', defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'CSV', extensions: ['csv'] }] };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
  });
  const senders = createTrustedSenders();
  registerIpc(ipcMain, services, (event) => senders.isTrusted(event));
  forwardEvents(services, senders.all);

  const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).toString();
  const window = createAppWindow({ preload: join(here, '../preload/index.cjs'), rendererUrl, title: 'Counter' });
  senders.add(window.webContents);
  await window.loadURL(rendererUrl);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Counter could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void services?.dispose());
}
