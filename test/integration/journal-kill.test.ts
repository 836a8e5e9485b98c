import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRange } from '../../electron/core/journal/read';

const dir = mkdtempSync(join(tmpdir(), 'counter-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROUNDS = 20;

/** Starts the appender, lets it write for a while, kills it with SIGKILL; returns the ids it had acknowledged. */
function runAndKill(afterMs: number): Promise<{ acknowledged: number[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'test/support/journal-appender.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      // Count from the first acknowledged append, so every round kills a process that is writing.
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`appender stopped on its own: ${errors}`));
      // Only whole lines count: a half-printed id was never seen as acknowledged.
      const lines = out.split('\n').slice(0, -1);
      resolve({ acknowledged: lines.map(Number), signal });
    });
  });
}

describe('journal under SIGKILL', () => {
  it(`keeps every acknowledged append through ${ROUNDS} kills mid-write`, async () => {
    const acknowledged = new Set<number>();
    let tornSeen = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const run = await runAndKill(20 + ((round * 37) % 150));
      expect(run.acknowledged.length).toBeGreaterThan(0);
      for (const id of run.acknowledged) acknowledged.add(id);

      // The journal opens (reading never writes); a torn last line is the only damage allowed.
      const { events, warnings } = await readRange(dir, '0000-00-00', '9999-12-31');
      expect(warnings.filter((w) => !/last line is incomplete/.test(w))).toEqual([]);
      tornSeen += warnings.length;
      const present = new Set(events.map((e) => e.id));
      const missing = [...acknowledged].filter((id) => !present.has(id));
      expect(missing).toEqual([]);
      // Ids keep rising in file order across the restarts.
      expect(events.every((e, i) => i === 0 || e.id > events[i - 1]!.id)).toBe(true);
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS);
    console.info(`kill test: ${ROUNDS} kills, ${acknowledged.size} acknowledged appends all present, ${tornSeen} torn last lines found and set aside`);
    // A torn line left by a kill was set aside by the next run, never mixed into the day.
    expect(readdirSync(dir).every((name) => /^\d{4}-\d{2}-\d{2}\.jsonl(\.corrupt)?$/.test(name))).toBe(true);
  }, 120_000);
});
