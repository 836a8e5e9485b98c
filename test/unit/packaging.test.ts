import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

// js-yaml ships without types; it is the parser electron-builder itself uses for this file.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const root = fileURLToPath(new URL('../..', import.meta.url));
const config = load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;
const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;

describe('the packaged app is locked down by its fuses', () => {
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
  ] as const)('sets %s to %s', (fuse, value) => {
    expect(fuses[fuse]).toBe(value);
  });

  it('packs the app into an asar archive, from the built output only', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config).toMatchObject({ appId: 'in.counter.pos', productName: 'Counter' });
  });

  it('is read by electron-builder as written and passes its schema, so no key is misspelt into a no-op', async () => {
    const loaded = await getConfig(root, null, null);
    expect(loaded.electronFuses).toEqual(fuses);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // Reading the config walks every dependency's package.json and compiles electron-builder's JSON schema:
    // several CPU seconds on a loaded 2-core machine, which vitest's 5 s default does not always allow.
  }, 60_000);
});
