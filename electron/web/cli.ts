import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { LIVE_BOS_URL } from '../core/settings';
import { createJsonFileSettingsStore, createMemorySecretBox, createMemorySettingsStore } from './preview-stores';
import { startWebPreview } from './server';
import { createPreviewServices } from './compose';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'bos-url': { type: 'string' },
    'registration-id': { type: 'string' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
    'sandbox-latency': { type: 'string' },
  },
});

const rendererDir = resolve(values['renderer-dir'] ?? 'out/renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.log('Building the renderer (first run)…');
  execFileSync(process.execPath, [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
}

const dataDir = resolve(values['data-dir'] ?? join(tmpdir(), 'counter-preview'));
const bosUrl = values['bos-url'];
const live = bosUrl !== undefined;
if (live && !values['registration-id']) {
  console.error('--bos-url needs --registration-id (and the token in BOS_TOKEN).');
  process.exit(2);
}

const notices: string[] = [];
const services = await createPreviewServices({
  startupNotices: notices,
  settingsStore: live
    ? createMemorySettingsStore({ environment: 'live', liveBaseUrl: LIVE_BOS_URL, registrationId: values['registration-id'] })
    : createJsonFileSettingsStore(join(dataDir, 'settings.json'), (notice) => {
        console.warn(notice);
        notices.push(notice);
      }),
  secretBox: createMemorySecretBox(live ? (process.env.BOS_TOKEN ?? null) : null),
  dataDir,
  version: process.env.npm_package_version ?? '0.0.0',
  shell: 'web-preview',
  ...(live ? { liveBaseUrlOverride: bosUrl } : {}),
  ...(values['sandbox-latency'] ? { sandboxOptions: { latencyMs: Number(values['sandbox-latency']) } } : {}),
});

const preview = await startWebPreview({ services, rendererDir, host: values.host, port: values.port ? Number(values.port) : 0 });
console.log(`Counter browser preview (${live ? `LIVE against ${bosUrl}` : 'sandbox, no real money'}): ${preview.url}`);
console.log(`Data: ${dataDir}`);

const stop = async () => {
  await preview.close();
  await services.dispose();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
