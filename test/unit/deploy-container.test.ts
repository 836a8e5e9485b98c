// deploy/Dockerfile, checked without a Docker engine (none runs here): its stages, its user, its health
// check, and that every file it copies exists, in the repository or after `npm run build:hub`. The health
// check's command itself is run against the built hub in test/hub/production-build.test.ts.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execForm, healthcheckCommand, instructions, options, stages, type Stage } from '../support/dockerfile';
import { documentedSettings, envFile } from '../support/env-file';

const run = promisify(execFile);
const text = readFileSync('deploy/Dockerfile', 'utf8');
const all = stages(text);
const stage = (name: string) => all.find((s) => s.name === name);
const runtime = all.at(-1)!;
const args = (s: Stage, keyword: string) => s.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const workdir = (s: Stage) => args(s, 'WORKDIR').at(-1) ?? '/';
const example = readFileSync('deploy/counter-hub.env.example', 'utf8');
const ignored = readFileSync('deploy/Dockerfile.dockerignore', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };

/** COPY's sources and destination, and the stage it copies from (null: the build context). */
function copies(s: Stage): Array<{ from: string | null; sources: string[]; dest: string }> {
  return args(s, 'COPY').map((a) => {
    const { flags, rest } = options(a);
    const parts = execForm(rest) ?? rest.split(/\s+/);
    return { from: flags.from ?? null, sources: parts.slice(0, -1), dest: parts.at(-1)! };
  });
}

const built = mkdtempSync(join(tmpdir(), 'counter-docker-build-'));
beforeAll(async () => {
  // What the build stage's `npm run build:hub` makes, made here in a temporary out folder.
  await run('npm', ['run', 'build:hub'], { env: { ...process.env, COUNTER_OUT_DIR: join(built, 'out') } });
}, 60_000);
afterAll(() => rmSync(built, { recursive: true, force: true }));

describe('the container image definition', () => {
  it('builds in stages: the build with development tools, production dependencies, then what runs', () => {
    expect(all.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
    expect(args(stage('build')!, 'RUN').join('\n')).toMatch(/npm ci --ignore-scripts[^\n]*\n[\s\S]*npm run build:hub/);
    expect(manifest.scripts['build:hub']).toBeDefined();
    expect(args(stage('deps')!, 'RUN').join('\n')).toMatch(/npm ci --omit=dev --ignore-scripts/);
    expect(args(runtime, 'RUN').join('\n')).not.toMatch(/npm (ci|install)/);
  });

  it('starts from a Node the hub supports, named once for every stage', () => {
    const arg = instructions(text).find((i) => i.keyword === 'ARG' && i.args.startsWith('NODE_IMAGE='))?.args;
    const major = Number(/^NODE_IMAGE=node:(\d+)/.exec(arg ?? '')?.[1]);
    expect(major).toBeGreaterThanOrEqual(Number(/\d+/.exec(manifest.engines.node)![0]));
    for (const s of all) expect(s.from).toBe('${NODE_IMAGE}');
  });

  it('copies from the build context only files the repository has, and none its .dockerignore leaves out', () => {
    const fromContext = all.flatMap((s) => copies(s).filter((c) => c.from === null).flatMap((c) => c.sources));
    expect(fromContext.length).toBeGreaterThan(0);
    for (const source of fromContext) {
      expect(existsSync(source), source).toBe(true);
      expect(ignored.some((pattern) => source.replace(/\/$/, '') === pattern || source.startsWith(`${pattern}/`)), `${source} is ignored`).toBe(false);
    }
    for (const heavy of ['node_modules', '.git', 'out']) expect(ignored).toContain(heavy);
  });

  it('copies into the image the hub the build stage made, and runs exactly that: node out/hub/cli.js', () => {
    const fromBuild = copies(runtime).filter((c) => c.from === 'build');
    expect(fromBuild).toHaveLength(1);
    const { sources, dest } = fromBuild[0]!;
    const inBuildStage = posix.relative(workdir(stage('build')!), sources[0]!);
    expect(inBuildStage).toBe('out/hub');
    expect(existsSync(join(built, inBuildStage, 'cli.js'))).toBe(true);
    expect(existsSync(join(built, inBuildStage, 'package.json'))).toBe(true);

    const cmd = execForm(args(runtime, 'CMD').at(-1) ?? '');
    expect(cmd).toEqual(['node', 'out/hub/cli.js']);
    // The CMD's file, from the runtime's WORKDIR, is the cli.js the COPY put there.
    expect(posix.join(workdir(runtime), cmd![1]!)).toBe(posix.join(workdir(runtime), dest, 'cli.js'));
    expect(copies(runtime).filter((c) => c.from === 'deps').flatMap((c) => c.sources)).toEqual(['/app/node_modules', '/app/package.json']);
  });

  it('runs as an unprivileged user that owns the data volume', () => {
    const [user] = args(runtime, 'USER');
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(args(runtime, 'RUN').join('\n')).toContain(`chown ${user}:${user} /data`);
    const order = runtime.instructions.map((i) => i.keyword);
    expect(order.indexOf('USER')).toBeLessThan(order.indexOf('CMD'));
  });

  it('keeps PGlite\'s data on a volume, or takes DATABASE_URL, and listens on every interface inside the container', () => {
    const set = Object.fromEntries(args(runtime, 'ENV').flatMap((a) => a.split(/\s+/)).map((kv) => kv.split('=') as [string, string]));
    expect(set.HUB_DATA_DIR).toBe('/data');
    expect(args(runtime, 'VOLUME')).toEqual(['["/data"]']);
    expect(set.HUB_HOST).toBe('0.0.0.0');
    expect(args(runtime, 'EXPOSE')).toEqual([set.PORT]);
    // Each setting the image makes is one the example environment documents, and leaves to the image.
    for (const name of Object.keys(set).filter((n) => n !== 'NODE_ENV')) {
      expect(Object.keys(documentedSettings(example)), name).toContain(name);
      expect(Object.keys(envFile(example)), name).not.toContain(name);
    }
    expect(Object.keys(set)).not.toContain('DATABASE_URL');
  });

  it('checks its health by GET /health with node (the slim image has no curl)', () => {
    const { flags, command } = healthcheckCommand(text);
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toContain('/health');
    for (const flag of ['interval', 'timeout', 'start-period', 'retries']) expect(flags[flag], flag).toBeDefined();
  });
});
