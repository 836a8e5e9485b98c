import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileJournal, JournalWriteError, localDay } from '../../electron/core/journal/append';
import { readDay, readRange } from '../../electron/core/journal/read';
import { faultyFiles } from '../support/faulty-files';

let dir: string;
const day = localDay(new Date());
const file = () => join(dir, `${day}.jsonl`);
const bytes = () => readFileSync(file());

function setup() {
  const layer = faultyFiles();
  const warnings: string[] = [];
  const journal = createFileJournal({ dir, terminal: () => 'Counter 1', files: layer.files, onWarning: (m) => warnings.push(m) });
  const sale = (n: number) => journal.append('sale.requested', { saleId: `s${n}`, amountPaise: 100 * n });
  return { ...layer, journal, sale, warnings };
}

async function rejection(promise: Promise<unknown>): Promise<JournalWriteError> {
  const error = await promise.then(() => new Error('the append resolved'), (e: unknown) => e);
  expect(error).toBeInstanceOf(JournalWriteError);
  return error as JournalWriteError;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-journal-faults-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a disk that fills up mid-line', () => {
  it('rejects a short write as disk_full, leaves no part of the line, and the next line once space is back is readable', async () => {
    const { journal, sale, faults } = setup();
    const saved = [await sale(1), await sale(2)];
    const before = bytes();
    faults.write = (length) => ({ take: Math.floor(length / 2) });
    const error = await rejection(sale(3));
    expect(error).toMatchObject({ reason: 'disk_full', systemCode: 'SHORT_WRITE', message: expect.stringMatching(/cannot save: the disk is full/) });
    expect(bytes().equals(before)).toBe(true);
    delete faults.write;
    saved.push(await sale(4));
    await journal.close();
    expect(await readDay(dir, day)).toEqual({ events: saved, warnings: [] });
  });

  it.each(['ENOSPC', 'EDQUOT'])('rejects %s after part of the line was written, and cuts the part off', async (code) => {
    const { journal, sale, faults } = setup();
    const saved = [await sale(1)];
    const before = bytes();
    faults.write = (length) => ({ take: length - 5, code });
    expect(await rejection(sale(2))).toMatchObject({ reason: 'disk_full', systemCode: code });
    expect(bytes().equals(before)).toBe(true);
    delete faults.write;
    saved.push(await sale(3));
    await journal.close();
    expect(await readDay(dir, day)).toEqual({ events: saved, warnings: [] });
  });

  it('when the torn part cannot be cut at once, nothing more is written until it is', async () => {
    const { journal, sale, faults } = setup();
    const saved = [await sale(1)];
    const before = bytes();
    faults.write = () => ({ take: 7, code: 'ENOSPC' });
    faults.truncate = 'EIO';
    await rejection(sale(2));
    delete faults.write;
    // The torn part is still there, so this line would be glued to it: it must not be written.
    expect(await rejection(sale(3))).toMatchObject({ reason: 'io' });
    expect(bytes().subarray(0, before.length).equals(before)).toBe(true);
    expect(bytes().length).toBe(before.length + 7);
    delete faults.truncate;
    saved.push(await sale(4));
    await journal.close();
    const read = await readDay(dir, day);
    expect(read).toEqual({ events: saved, warnings: [] });
    expect(read.events.every((e, i) => i === 0 || e.id > read.events[i - 1]!.id)).toBe(true);
  });
});

describe('other write failures give their reason and leave nothing behind', () => {
  it.each([
    ['a read-only disk', 'open', 'EROFS', 'read_only', /read-only/],
    ['a folder Counter may not write', 'open', 'EACCES', 'no_access', /not allowed/],
    ['a disk error on fsync', 'datasync', 'EIO', 'io', /reported an error/],
  ] as const)('%s', async (_name, where, code, reason, message) => {
    const { journal, sale, faults } = setup();
    const saved = [await sale(1)];
    const before = bytes();
    // A failed open only bites when the file is opened again: a new day or a restart.
    const next = where === 'open' ? setup() : { journal, sale, faults };
    if (where === 'open') await journal.close();
    next.faults[where] = code;
    expect(await rejection(next.sale(2))).toMatchObject({ reason, systemCode: code, message: expect.stringMatching(message) });
    expect(bytes().equals(before)).toBe(true);
    delete next.faults[where];
    saved.push(await next.sale(3));
    await next.journal.close();
    expect(await readDay(dir, day)).toEqual({ events: saved, warnings: [] });
  });

  it('syncs a new day file\'s name into its folder, and a new folder into its parent, before the first append resolves', async () => {
    const layer = faultyFiles();
    const nested = join(dir, 'data', 'journal');
    const journal = createFileJournal({ dir: nested, terminal: () => 'Counter 1', files: layer.files });
    await journal.append('sale.requested', { saleId: 's1', amountPaise: 100 });
    expect(layer.calls).toEqual([`syncDir ${join(dir, 'data')}`, `syncDir ${dir}`, `read ${day}.jsonl`, `open ${day}.jsonl`, `syncDir ${nested}`, `datasync ${day}.jsonl`]);
    layer.calls.length = 0;
    await journal.append('sale.requested', { saleId: 's2', amountPaise: 100 });
    expect(layer.calls).toEqual([`datasync ${day}.jsonl`]);
    await journal.close();
  });
});

describe('a journal that is not where or what it should be', () => {
  it('a day file that is a folder: appends reject with a typed error and reading warns instead of showing an empty day', async () => {
    mkdirSync(file());
    const { journal, sale } = setup();
    expect(await rejection(sale(1))).toMatchObject({ reason: 'io', systemCode: 'EISDIR' });
    await journal.close();
    expect(await readDay(dir, day)).toEqual({ events: [], warnings: [`${day}: the day file could not be read (EISDIR); its events are not shown.`] });
  });

  it('a journal folder that is a file: appends reject with a typed error and reading warns', async () => {
    const notDir = join(dir, 'journal');
    writeFileSync(notDir, 'not a folder');
    const journal = createFileJournal({ dir: notDir, terminal: () => 'Counter 1' });
    await rejection(journal.append('sale.requested', { saleId: 's1', amountPaise: 100 }));
    await journal.close();
    expect((await readRange(notDir, '0000-01-01', '9999-12-31')).warnings).toEqual(['The journal folder could not be read (ENOTDIR); no events are shown.']);
  });

  it('a journal folder Counter may not read: appends reject (the last id is unknown) and reading warns', async () => {
    const { journal, sale, faults, files } = setup();
    await sale(1);
    await journal.close();
    faults.readdir = 'EACCES';
    const again = createFileJournal({ dir, terminal: () => 'Counter 1', files });
    expect(await rejection(again.append('sale.requested', { saleId: 's2', amountPaise: 100 }))).toMatchObject({ reason: 'no_access' });
    await again.close();
    expect((await readRange(dir, '0000-01-01', '9999-12-31', files)).warnings).toEqual(['The journal folder could not be read (EACCES); no events are shown.']);
  });

  it('a day file Counter may not read is a warning in History, not an empty day', async () => {
    const { journal, sale, faults, files } = setup();
    await sale(1);
    await journal.close();
    faults.readFile = { code: 'EACCES', name: (name) => name === `${day}.jsonl` };
    expect(await readDay(dir, day, files)).toEqual({ events: [], warnings: [`${day}: the day file could not be read (EACCES); its events are not shown.`] });
  });
});
