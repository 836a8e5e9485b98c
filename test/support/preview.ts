import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPreviewServices, type PreviewServices, type PreviewServicesDeps } from '../../electron/web/compose';
import { createJsonFileSettingsStore, createMemorySecretBox } from '../../electron/web/preview-stores';
import { startWebPreview, type WebPreview } from '../../electron/web/server';

/** The built renderer; COUNTER_OUT_DIR (as in electron.vite.config.ts) lets parallel builds keep apart. */
export const RENDERER_DIR = join(process.cwd(), process.env.COUNTER_OUT_DIR ?? 'out', 'renderer');

export interface RunningPreview {
  preview: WebPreview;
  services: PreviewServices;
  dataDir: string;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** What a restarted preview keeps: the data (journal, settings) and, when given, the two ports its pages know. */
export interface KeptPreview {
  dataDir: string;
  port?: number;
  customerPort?: number;
}

/** The browser preview in-process: the same services and handlers the app runs, a fresh data dir per call. */
export async function startPreview(overrides: Partial<PreviewServicesDeps> = {}, keep?: KeptPreview): Promise<RunningPreview> {
  const dataDir = keep?.dataDir ?? mkdtempSync(join(tmpdir(), 'counter-ui-'));
  const notices: string[] = [];
  const services = await createPreviewServices({
    settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json'), (notice) => notices.push(notice)),
    startupNotices: notices,
    secretBox: createMemorySecretBox(),
    dataDir,
    version: 'test',
    shell: 'web-preview',
    ...overrides,
  });
  const preview = await startWebPreview({ services, rendererDir: RENDERER_DIR, port: keep?.port ?? 0, customerPort: keep?.customerPort ?? 0 });
  return {
    preview,
    services,
    dataDir,
    async stop(options: { keepData?: boolean } = {}) {
      await preview.close();
      await services.dispose();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const OWNER_PIN = '2468';

/** The ports a running preview listens on, for a restart that its open pages can find again. */
export const portsOf = (running: RunningPreview): KeptPreview => ({
  dataDir: running.dataDir,
  port: Number(new URL(running.preview.url).port),
  customerPort: Number(new URL(running.preview.customerUrl).port),
});

/** Sets the owner PIN, which leaves the owner unlocked: for tests of owner-only screens that are not about the PIN. */
export async function actAsOwner(running: RunningPreview): Promise<void> {
  const result = await running.services.handle('owner.setPin', { pin: OWNER_PIN });
  if (!result.ok) throw new Error(`could not set the owner PIN: ${result.error.message}`);
}
