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

/**
 * Leaves the owner unlocked: sets the owner PIN, or unlocks with it when a set-up already set it.
 * For tests of owner-only screens that are not about the PIN.
 */
export async function actAsOwner(running: RunningPreview): Promise<void> {
  const result = await running.services.handle('owner.setPin', { pin: OWNER_PIN });
  if (result.ok) return;
  const unlocked = result.error.code === 'owner_required' ? await running.services.handle('owner.unlock', { pin: OWNER_PIN }) : result;
  if (!unlocked.ok) throw new Error(`could not act as the owner: ${unlocked.error.message}`);
}

/**
 * The first-start set-up done through the services, as the owner would on the set-up screen:
 * the owner PIN set, then locked again, so the page opens on Sell with a cashier at it.
 */
export async function setUpCounter(running: RunningPreview): Promise<void> {
  await actAsOwner(running);
  const locked = await running.services.handle('owner.lock', undefined);
  if (!locked.ok) throw new Error(`could not lock the owner: ${locked.error.message}`);
}
