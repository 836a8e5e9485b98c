// A counter killed with SIGKILL while a journal batch is in flight, restarted on the same data dir, on
// PGlite and on PostgreSQL: every event is held once at the hub, and no event id is accepted twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { journalKeys, SHOP_DRIVERS, startShopHub, useShopStores, type ShopHub } from '../support/shop-hub';
import { startShopProxy, type JournalPost, type ShopProxy } from '../support/shop-proxy';

const stores = useShopStores();

interface Child {
  process: ChildProcess;
  /** Resolves with the next stdout line that has this key. */
  next(key: string): Promise<Record<string, unknown>>;
  sell(paise: number, end: 'paid' | 'cancelled'): Promise<void>;
  kill(): Promise<void>;
}

const children = new Set<Child>();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const child of children) await child.kill();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startChild(dataDir: string, pairing: [string, string] | [] = []): Child {
  // IST, as the shop's PCs keep: the hub's days and the counter's must be the same days.
  const proc = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'test/support/shop-counter-child.ts'), dataDir, ...pairing], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TZ: 'Asia/Kolkata' } });
  const lines: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  let errors = '';
  let buffer = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const whole = buffer.split('\n');
    buffer = whole.pop()!;
    for (const line of whole) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    for (const w of [...waiters]) w();
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  let read = 0;
  const child: Child = {
    process: proc,
    next: (key) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const at = lines.findIndex((l, i) => i >= read && key in l);
          if (at < 0) return;
          read = at + 1;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(lines[at]!);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the counter said no "${key}" in time: ${errors}`));
        }, 20_000);
        waiters.add(check);
        void exited.then(() => setTimeout(() => (waiters.has(check) ? (waiters.delete(check), clearTimeout(timer), reject(new Error(`the counter exited: ${errors}`))) : undefined), 0));
        check();
      }),
    async sell(paise, end) {
      proc.stdin!.write(`sell ${paise} ${end}\n`);
      expect(await child.next('sold')).toMatchObject({ state: end });
    },
    async kill() {
      children.delete(child);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
  children.add(child);
  return child;
}

const terminalOf = (dataDir: string): string => (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { hub: { terminalId: string } }).hub.terminalId;

async function caughtUp(hub: ShopHub, dataDir: string): Promise<string[]> {
  let wanted: string[] = [];
  await vi.waitFor(async () => {
    wanted = await journalKeys(join(dataDir, 'journal'), terminalOf(dataDir));
    expect([...(await hub.heldEvents())].sort()).toEqual([...wanted].sort());
  }, { timeout: 15_000, interval: 50 });
  return wanted;
}

const idsOf = (posts: readonly JournalPost[]) => posts.flatMap((p) => p.ids);

describe.each(SHOP_DRIVERS)('a counter killed mid-send (%s)', (driver) => {
  it('restarted on the same data dir, it resends only what the hub lacks: each event held once, none accepted twice', async () => {
    const hub = await startShopHub(stores(driver));
    const proxy: ShopProxy = await startShopProxy(hub.url);
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-kill-shop-'));
    cleanups.push(() => hub.close(), () => proxy.close(), async () => rmSync(dataDir, { recursive: true, force: true }));

    const first = startChild(dataDir, [proxy.url, await hub.code('counter')]);
    await first.next('ready');
    await first.sell(1_000, 'paid');
    await first.sell(1_100, 'cancelled');
    await caughtUp(hub, dataDir);

    // 1. The hub keeps a batch, and the counter is killed before it hears so.
    proxy.mode = 'hold-answer';
    await first.sell(2_000, 'paid');
    await proxy.waitForHeld(1);
    const kept = proxy.posts.at(-1)!;
    expect(kept.answer?.accepted).toBe(kept.ids.length);
    await first.kill();
    proxy.release();
    proxy.mode = 'pass';
    const sentBefore = proxy.posts.length;
    const second = startChild(dataDir);
    await second.next('ready');
    await second.sell(2_100, 'cancelled');
    await caughtUp(hub, dataDir);
    // It asked the hub where it was: the kept batch was not sent again.
    expect(idsOf(proxy.posts.slice(sentBefore)).filter((id) => kept.ids.includes(id))).toEqual([]);

    // 2. The batch is still on its way to the hub when the counter is killed; it arrives after the restart's resend.
    proxy.mode = 'hold-request';
    await second.sell(3_000, 'paid');
    await proxy.waitForHeld(1);
    const late = proxy.posts.at(-1)!;
    await second.kill();
    proxy.mode = 'pass';
    const third = startChild(dataDir);
    await third.next('ready');
    await third.sell(3_100, 'paid');
    await caughtUp(hub, dataDir);
    proxy.release();
    await vi.waitFor(() => expect(late.answer).not.toBeNull(), { timeout: 10_000, interval: 20 });
    expect(late.answer).toMatchObject({ accepted: 0, duplicates: late.ids.length });

    const lines = await caughtUp(hub, dataDir);
    await proxy.allAnswered();
    const answered = proxy.posts.filter((p) => p.answer);
    expect(answered.length).toBe(proxy.posts.length);
    const accepted = answered.reduce((n, p) => n + p.answer!.accepted, 0);
    const duplicates = answered.reduce((n, p) => n + p.answer!.duplicates, 0);
    expect(accepted).toBe(lines.length);
    expect(new Set(idsOf(answered)).size).toBe(lines.length);
    expect(duplicates).toBe(idsOf(answered).length - lines.length);
    expect(duplicates).toBeGreaterThanOrEqual(late.ids.length);
    await third.kill();
  }, 60_000);
});
