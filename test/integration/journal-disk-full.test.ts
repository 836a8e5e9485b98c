import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileJournal, JournalWriteError } from '../../electron/core/journal/append';
import type { Journal, JournalEvent } from '../../electron/core/journal/types';
import { readRange } from '../../electron/core/journal/read';

/** A real 16 KiB disk: a tmpfs mounted for this test, which needs root on Linux. */
function mountSmallDisk(): { dir: string | null; reason: string } {
  if (process.platform !== 'linux') return { dir: null, reason: `tmpfs needs Linux (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { dir: null, reason: 'mounting a tmpfs needs root' };
  const dir = mkdtempSync(join(tmpdir(), 'counter-disk-full-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k,mode=0700', 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status === 0) return { dir, reason: '' };
  rmdirSync(dir);
  return { dir: null, reason: `mount -t tmpfs failed: ${(mount.stderr || mount.error?.message || '').trim()}` };
}

const disk = mountSmallDisk();
if (!disk.dir) console.warn(`journal-disk-full: skipping the real full-disk test: ${disk.reason}`);
let journal: Journal | null = null;
afterAll(async () => {
  if (!disk.dir) return;
  // Even when the test failed with the day file open: close it, then unmount (lazily if still busy), never leave the mount behind.
  await journal?.close().catch(() => undefined);
  if (spawnSync('umount', [disk.dir]).status !== 0) spawnSync('umount', ['-l', disk.dir]);
  rmdirSync(disk.dir);
});

describe('a journal on a real disk that fills up', () => {
  it.skipIf(!disk.dir)('every acknowledged append is readable, and so is the first one after space is freed', async () => {
    const root = disk.dir!;
    // Ballast, deleted later to free space; the journal fills the rest.
    const ballast = join(root, 'ballast');
    writeFileSync(ballast, Buffer.alloc(4096, 0x61));
    const dir = join(root, 'journal');
    const open = (journal = createFileJournal({ dir, terminal: () => 'Counter 1' }));
    const acknowledged: JournalEvent[] = [];
    let failure: unknown = null;
    for (let n = 0; n < 1_000 && !failure; n += 1) {
      await open.append('sale.requested', { saleId: `s_${String(n).padStart(6, '0')}`, amountPaise: 100 + n, note: 'x'.repeat(n % 40) }).then(
        (event) => acknowledged.push(event),
        (error: unknown) => (failure = error),
      );
    }
    expect(failure).toBeInstanceOf(JournalWriteError);
    expect(failure).toMatchObject({ reason: 'disk_full' });
    expect(acknowledged.length).toBeGreaterThan(10);

    const full = await readRange(dir, '0000-01-01', '9999-12-31');
    expect(full.warnings).toEqual([]);
    expect(full.events).toEqual(acknowledged);

    rmSync(ballast);
    acknowledged.push(await open.append('sale.cancelled', { saleId: 's_000000', amountPaise: 100 }));
    await open.close();
    const after = await readRange(dir, '0000-01-01', '9999-12-31');
    expect(after.warnings).toEqual([]);
    expect(after.events).toEqual(acknowledged);
    console.info(`journal-disk-full: ${acknowledged.length - 1} appends acknowledged on a 16 KiB tmpfs before "${(failure as JournalWriteError).systemCode}", all readable; the append after freeing space is readable too`);
  });
});
