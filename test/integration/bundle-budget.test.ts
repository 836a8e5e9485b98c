import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const OUT = join(process.cwd(), process.env.COUNTER_OUT_DIR ?? 'out');
const RENDERER = join(OUT, 'renderer');
/** A string of zod's own core that survives minification: a bundle that carries zod carries it. */
const ZOD_MARK = '$ZodType';
const BUDGET_BYTES = 120 * 1024;

/** The scripts and styles index.html loads up front (lazy chunks such as the preview bridge excluded). */
export function initialAssets(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(?:\.\/|\/)?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [...new Set(refs)];
}

describe.skipIf(!existsSync(join(RENDERER, 'index.html')))('the cashier window\'s bundle (needs electron-vite build)', () => {
  it(`loads at most ${BUDGET_BYTES / 1024} KB gzipped up front`, () => {
    const assets = initialAssets();
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    const total = assets.reduce((sum, asset) => sum + gzipSync(readFileSync(join(RENDERER, asset))).length, 0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('carries no zod in any chunk, lazy ones and the preloads included (operations are declared without it)', () => {
    const scripts = [
      ...readdirSync(join(RENDERER, 'assets')).filter((a) => a.endsWith('.js')).map((a) => join(RENDERER, 'assets', a)),
      ...readdirSync(join(OUT, 'preload')).map((a) => join(OUT, 'preload', a)),
    ];
    expect(scripts.some((s) => s.includes('web-bridge'))).toBe(true);
    for (const script of scripts) expect(readFileSync(script, 'utf8').includes(ZOD_MARK), script).toBe(false);
  });

  it('carries none of qrcode\'s Node-only dependencies', () => {
    for (const asset of initialAssets().filter((a) => a.endsWith('.js'))) {
      const code = readFileSync(join(RENDERER, asset), 'utf8');
      expect(code).not.toMatch(/pngjs|PNGSync|require\("fs"\)|require\("zlib"\)/);
    }
  });
});
