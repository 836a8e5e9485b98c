// The README's "Deploying the hub" names only files, scripts and settings that exist, and every setting
// the hub reads from its environment.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentedSettings } from '../support/env-file';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('## Deploying the hub');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);
// What the hub reads: its command line's own variables and the environment hook's.
const read = new Set([
  ...[...readFileSync('electron/hub/cli.ts', 'utf8').matchAll(/(?:process\.env\.|fromEnv\(')([A-Z_]+)/g)].map((m) => m[1]!),
  ...[...readFileSync('electron/hub/env.ts', 'utf8').matchAll(/'((?:HUB|DATABASE)_[A-Z_]+|PORT)'/g)].map((m) => m[1]!),
]);

describe('the README\'s deploy section', () => {
  it('names deploy files and npm scripts that exist', () => {
    const files = [...new Set([...section.matchAll(/\bdeploy\/[\w.-]+/g)].map((m) => m[0]))];
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(existsSync(file), file).toBe(true);
    for (const [, name] of section.matchAll(/npm run ([\w:-]+)/g)) expect(scripts, name).toContain(name);
  });

  it('lists in its settings table every variable the hub reads, and only those', () => {
    const table = section.slice(section.indexOf('| setting | environment |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    const listed = new Set(rows.flatMap((row) => [...(row.split('|')[2] ?? '').matchAll(/`([A-Z_]+)(=\w+)?`/g)].map((m) => m[1]!)));
    expect([...listed].sort()).toEqual([...read].sort());
  });

  it('has an example environment file naming each of them (HUB_PORT, PORT\'s stand-in, in words)', () => {
    const example = readFileSync('deploy/counter-hub.env.example', 'utf8');
    expect(Object.keys(documentedSettings(example)).sort()).toEqual([...read].filter((name) => name !== 'HUB_PORT').sort());
    expect(example).toContain('HUB_PORT');
  });
});
