import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPaise } from '../../electron/contract/money';
import { MAGIC_AMOUNTS, SEEDED_TRANSFERS } from '../../electron/sandbox';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README tells the truth about the sandbox', () => {
  it('lists every magic amount with what it does, and no others', () => {
    const rows = [...readme.matchAll(/^\| (₹1\.\d\d) \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(MAGIC_AMOUNTS.map((m) => [formatPaise(m.paise), m.what]));
  });

  it('lists every seeded transfer', () => {
    for (const t of SEEDED_TRANSFERS) expect(readme).toMatch(new RegExp(`^\\| ${t.referenceId} \\| ${t.ackNo} \\|`, 'm'));
  });
});

describe('the README stands on its own', () => {
  it('shows only screenshots that exist', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(10);
    for (const image of images) expect(existsSync(new URL(`../../${image}`, import.meta.url)), image).toBe(true);
  });

  it('links its own documents, never the brief outside the repository', () => {
    for (const doc of ['docs/architecture.md', 'docs/faults.md', 'docs/benchmarks.md']) expect(readme).toContain(`(${doc})`);
    expect(readme).not.toMatch(/\.\.\/shared/);
  });
});
