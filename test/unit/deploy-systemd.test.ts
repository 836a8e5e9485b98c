// deploy/counter-hub.service: its directives read here, and systemd's own checks where systemd-analyze is
// installed (verify: every key known, the command there; security: the unit's exposure score).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { documentedSettings, envFile } from '../support/env-file';

const run = promisify(execFile);
const UNIT = 'deploy/counter-hub.service';
const ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p)) ?? null;
const text = readFileSync(UNIT, 'utf8');
const example = readFileSync('deploy/counter-hub.env.example', 'utf8');
const env = envFile(example);
const documented = documentedSettings(example);
const installScript = readFileSync('deploy/install-hub.sh', 'utf8');

/** Section → key → every value given for it, in order. */
function sections(unit: string): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | null = null;
  for (const raw of unit.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      out.set(header[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq <= 0) throw new Error(`not a directive: ${line}`);
    const key = line.slice(0, eq).trim();
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return out;
}

const service = sections(text).get('Service') ?? new Map<string, string[]>();
const one = (key: string) => service.get(key)?.at(-1);
const scratch = mkdtempSync(join(tmpdir(), 'counter-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

if (!ANALYZE) console.warn('systemd-analyze is not on this machine: deploy/counter-hub.service is checked by its directives only.');

describe('the systemd unit', () => {
  it('runs the built hub with node from the folder install-hub.sh fills, as its own user', () => {
    const prefix = /prefix=\$\{1:-([^}]+)\}/.exec(installScript)?.[1];
    expect(prefix).toBeDefined();
    expect(one('ExecStart')).toMatch(new RegExp(`^/\\S*/node ${prefix}/out/hub/cli\\.js$`));
    expect(one('WorkingDirectory')).toBe(prefix);
    expect(one('User')).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(['root', '0']).not.toContain(one('User'));
    expect(one('Group')).toBe(one('User'));
  });

  it('takes its settings and secrets from a root-only environment file, never from the unit itself', () => {
    expect(one('EnvironmentFile')).toMatch(/^\/etc\//);
    const directives = [...sections(text).values()].flatMap((section) => [...section.values()].flat());
    for (const value of directives) expect(value).not.toMatch(/SECRET|OWNER_KEY|DATABASE_URL/);
  });

  it('ships an example environment with no secret a partner could leave in place', () => {
    for (const name of ['HUB_WEBHOOK_SECRET', 'HUB_WEBHOOK_HMAC_SECRET', 'HUB_OWNER_KEY', 'DATABASE_URL']) {
      expect(documented, name).toHaveProperty(name);
      expect(env, name).not.toHaveProperty(name);
    }
  });

  it('keeps PGlite\'s data in its own state directory', () => {
    expect(service.get('Environment')).toEqual([`HUB_DATA_DIR=/var/lib/${one('StateDirectory')}`]);
    expect(documented.HUB_DATA_DIR).toBe(`/var/lib/${one('StateDirectory')}`);
    expect(one('StateDirectoryMode')).toBe('0700');
  });

  it('is hardened: no new privileges, a read-only system, no home, no capabilities', () => {
    expect(one('NoNewPrivileges')).toBe('yes');
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('ProtectHome')).toBe('yes');
    expect(one('PrivateTmp')).toBe('yes');
    expect(one('PrivateDevices')).toBe('yes');
    expect(one('CapabilityBoundingSet')).toBe('');
    expect(one('RestrictAddressFamilies')?.split(/\s+/).sort()).toEqual(['AF_INET', 'AF_INET6', 'AF_UNIX']);
  });

  it('leaves V8 and WebAssembly their writable code pages (MemoryDenyWriteExecute would stop node)', () => {
    expect(one('MemoryDenyWriteExecute')).toBeUndefined();
  });

  it('restarts after a failure, stops by SIGTERM (which ends the streams cleanly) and has room for many streams', () => {
    expect(one('Restart')).toBe('on-failure');
    expect(one('KillSignal')).toBe('SIGTERM');
    expect(Number(one('LimitNOFILE'))).toBeGreaterThanOrEqual(20_000);
    expect(sections(text).get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
  });

  it.runIf(ANALYZE)('is accepted by systemd-analyze verify without a word', async () => {
    // verify also checks that ExecStart's program exists: point it at this machine's node if /usr/bin has none.
    const unit = join(scratch, 'counter-hub.service');
    if (existsSync('/usr/bin/node')) copyFileSync(UNIT, unit);
    else writeFileSync(unit, text.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
    const { stdout, stderr } = await run(ANALYZE!, ['verify', unit]);
    expect(stdout + stderr).toBe('');
  });

  it.runIf(ANALYZE)('is rated OK (exposure at most 2.0 of 10) by systemd-analyze security', async () => {
    const { stdout } = await run(ANALYZE!, ['security', '--offline=yes', '--no-pager', UNIT]);
    const exposure = Number(/Overall exposure level for counter-hub\.service: ([\d.]+)/.exec(stdout)?.[1]);
    expect(exposure).toBeLessThanOrEqual(2);
  });
});
