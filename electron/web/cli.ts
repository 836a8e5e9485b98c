import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { LIVE_BOS_URL } from '../core/settings';
import { defaultPreviewDataDir, ensurePrivateDir } from './data-dir';
import { createJsonFileSettingsStore, createMemorySecretBox, createMemorySettingsStore } from './preview-stores';
import { startWebPreview } from './server';
import { createPreviewServices } from './compose';

/** Fixed by default, so a page left open finds the preview again after a restart and carries on by itself. */
const DEFAULT_PORT = 4180;

const USAGE = `Counter's browser preview: the app's services in Node and its screens in a browser, on 127.0.0.1.

  npm run web -- [--port 4180] [--customer-port 4181] [--data-dir DIR] [--sandbox-latency MS]
                 [--bos-url URL --registration-id ID]   (Live against that URL; the token from BOS_TOKEN)
                 [--hub URL --pairing-code C]           (pair with a shop hub at start)
                 [--no-embedded-hub]                    (no practice hub built in)`;

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        'customer-port': { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        'bos-url': { type: 'string' },
        'registration-id': { type: 'string' },
        'data-dir': { type: 'string' },
        'renderer-dir': { type: 'string' },
        'sandbox-latency': { type: 'string' },
        hub: { type: 'string' },
        'pairing-code': { type: 'string' },
        'no-embedded-hub': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // An unknown or malformed flag: say which, and how to run it, not a stack trace.
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

/** A whole number from 0 to 65 535 (a port, or the sandbox's latency in ms), or the CLI stops saying so. */
const portOption = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`--${name} must be a whole number from 0 to 65535, not ${text}`);
    process.exit(2);
  }
  return value;
};
const port = portOption('port', values.port, DEFAULT_PORT);
const customerPort = portOption('customer-port', values['customer-port'], port === 0 ? 0 : port + 1);

const rendererDir = resolve(values['renderer-dir'] ?? 'out/renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.log('Building the renderer (first run)…');
  execFileSync(process.execPath, [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
}

const dataDir = resolve(values['data-dir'] ?? defaultPreviewDataDir());
try {
  if (values['data-dir']) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  else ensurePrivateDir(dataDir);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const bosUrl = values['bos-url'];
const live = bosUrl !== undefined;
if ((values.hub === undefined) !== (values['pairing-code'] === undefined)) {
  console.error('--hub URL and --pairing-code C go together.');
  process.exit(2);
}
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
  // The embedded default: the sandbox's webhooks go to an in-process hub (PGlite under the data folder).
  ...(values['no-embedded-hub'] ? {} : { withEmbeddedHub: { hubDataDir: join(dataDir, 'hub') } }),
  ...(values['sandbox-latency'] ? { sandboxOptions: { latencyMs: portOption('sandbox-latency', values['sandbox-latency'], 0) } } : {}),
});

let preview: Awaited<ReturnType<typeof startWebPreview>>;
try {
  preview = await startWebPreview({
    services,
    rendererDir,
    host: values.host,
    port,
    customerPort,
    log: (where, error) => console.error(`preview: ${where}:`, error instanceof Error ? error.message : error),
  });
} catch (error) {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(inUse ? `Port ${port} or ${customerPort} is in use: pick others with --port N (and --customer-port M), or --port 0 for any free ones.` : (error as Error).message);
  await services.dispose();
  process.exit(2);
}
console.log(`Counter browser preview (${live ? `LIVE against ${bosUrl}` : 'sandbox, no real money'}): ${preview.url}`);
console.log(`Customer display (its own origin): ${preview.customerUrl}`);
console.log(`Data: ${dataDir}`);
if (values.hub && values['pairing-code']) {
  const paired = await services.pairHub(values.hub, values['pairing-code']);
  console.log(paired.ok ? `Paired with the shop hub at ${values.hub} (${paired.value.shopName ?? 'shop'}).` : `Could not pair with the shop hub: ${paired.error.message}`);
}

const stop = async () => {
  await preview.close();
  await services.dispose();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
