// A Counter in its own process, for the SIGKILL test: its data dir on disk (settings, journal, and the hub
// credential in a file, as a SecretBox keeps it), paired on first start, selling on command from stdin.
//   node --import tsx test/support/shop-counter-child.ts <dataDir> [<hubUrl> <pairingCode>]
// stdin: `sell <paise> paid|cancelled`, one a line. stdout: one JSON line per step ({"ready":…}, {"sold":…}).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SecretBox } from '../../electron/core/settings';
import type { SaleView } from '../../electron/contract/views';
import { createPreviewServices } from '../../electron/web/compose';
import { createJsonFileSettingsStore, createMemorySecretBox } from '../../electron/web/preview-stores';

const [dataDir, hubUrl, code] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: shop-counter-child.ts <dataDir> [<hubUrl> <pairingCode>]');

/** The hub credential in a file of its own (a test's stand-in for the OS keychain the app uses). */
function fileSecretBox(file: string): SecretBox {
  return {
    async load() {
      try {
        return readFileSync(file, 'utf8') || null;
      } catch {
        return null;
      }
    },
    async save(secret) {
      writeFileSync(`${file}.new`, secret ?? '', { mode: 0o600 });
      renameSync(`${file}.new`, file);
    },
    async protection() {
      return 'session_only';
    },
    async allowPlainStorage() {},
  };
}

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

const services = await createPreviewServices({
  settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
  secretBox: createMemorySecretBox(),
  hubSecretBox: fileSecretBox(join(dataDir, 'hub-credential')),
  dataDir,
  version: 'test',
  shell: 'web-preview',
  hubBackoff: { firstMs: 50, factor: 2, maxMs: 250 },
  statusCallEveryMs: 600_000,
});
if (hubUrl && code) {
  const paired = await services.pairHub(hubUrl, code);
  if (!paired.ok) throw new Error(paired.error.message);
}
say({ ready: true });

const value = <T>(result: Awaited<ReturnType<typeof services.handle>>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

for await (const line of createInterface({ input: process.stdin })) {
  const [verb, paise, end] = line.trim().split(/\s+/);
  if (verb !== 'sell') continue;
  const sale = value<SaleView>(await services.handle('sale.create', { amountPaise: Number(paise) }));
  const done = value<SaleView>(await services.handle(end === 'paid' ? 'sale.markPaid' : 'sale.cancel', { saleId: sale.saleId, ...(end === 'paid' ? { overrides: ['not_confirmed'] } : {}) }));
  say({ sold: done.saleId, state: done.state });
}
