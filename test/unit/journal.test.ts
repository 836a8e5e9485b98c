import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileJournal, localDay } from '../../electron/core/journal/append';
import { readDay } from '../../electron/core/journal/read';

let dir: string;
const day = localDay(new Date());
const file = () => join(dir, `${day}.jsonl`);
const journal = (onWarning?: (m: string) => void) => createFileJournal({ dir, terminal: () => 'Counter 1', ...(onWarning ? { onWarning } : {}) });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('journal', () => {
  it('writes 10,000 events and reads them back exactly, in order', async () => {
    const j = journal();
    const written = [];
    for (let i = 0; i < 10_000; i += 1) written.push(await j.append('sale.requested', { saleId: `s${i}`, amountPaise: 100 + i }));
    await j.close();
    const { events, warnings } = await readDay(dir, day);
    expect(warnings).toEqual([]);
    expect(events).toEqual(written);
    expect(new Set(events.map((e) => e.id)).size).toBe(10_000);
  }, 60_000);

  it('sets a torn last line aside, keeps every complete line, and carries on', async () => {
    const first = journal();
    await first.append('sale.requested', { saleId: 's1', amountPaise: 1000 });
    await first.append('sale.qr_issued', { saleId: 's1', amountPaise: 1000 });
    await first.close();
    appendFileSync(file(), '{"id":99,"type":"sale.pa');
    const reading = await readDay(dir, day);
    expect(reading.events.map((e) => e.type)).toEqual(['sale.requested', 'sale.qr_issued']);
    expect(reading.warnings[0]).toMatch(/incomplete/);

    const warnings: string[] = [];
    const second = journal((m) => warnings.push(m));
    const next = await second.append('sale.cancelled', { saleId: 's1', amountPaise: 1000 });
    await second.close();
    expect(warnings).toHaveLength(1);
    expect(readFileSync(`${file()}.corrupt`, 'utf8')).toBe('{"id":99,"type":"sale.pa\n');
    const after = await readDay(dir, day);
    expect(after.warnings).toEqual([]);
    expect(after.events.map((e) => e.type)).toEqual(['sale.requested', 'sale.qr_issued', 'sale.cancelled']);
    expect(next.id).toBeGreaterThan(after.events[1]!.id);
  });

  it('cuts a torn last line at the right byte when an earlier line holds an invalid UTF-8 byte', async () => {
    const line = (id: number, note: Buffer) => Buffer.concat([Buffer.from(`{"id":${id},"type":"sale.requested","at":"2026-11-23T10:00:00.000Z","terminal":"T","role":"staff","data":{"saleId":"s${id}","note":"`), note, Buffer.from('"}}\n')]);
    writeFileSync(file(), Buffer.concat([line(1, Buffer.from([0xff, 0xfe])), line(2, Buffer.from('ok')), Buffer.from('{"id":3,"type":"sale.pa')]));
    const second = journal();
    const next = await second.append('sale.cancelled', { saleId: 's1', amountPaise: 1000 });
    await second.close();
    expect(readFileSync(`${file()}.corrupt`, 'utf8')).toBe('{"id":3,"type":"sale.pa\n');
    const after = await readDay(dir, day);
    expect(after.warnings).toEqual([]);
    expect(after.events.map((e) => e.id)).toEqual([1, 2, next.id]);
  });

  it('keeps ids rising across a reopen even when the clock went back', async () => {
    const first = journal();
    const a = await first.append('sale.requested', { saleId: 's1', amountPaise: 1000 });
    await first.close();
    const text = readFileSync(file(), 'utf8').replace(`"id":${a.id}`, `"id":${a.id + 10 ** 12}`);
    writeFileSync(file(), text);
    const second = journal();
    const b = await second.append('sale.cancelled', { saleId: 's1', amountPaise: 1000 });
    await second.close();
    expect(b.id).toBeGreaterThan(a.id + 10 ** 12);
  });

  it('never records an OTP, token, PIN or password, however deep', async () => {
    const j = journal();
    await j.append('refund.claim_requested', { referenceId: '1', otp: '123456', nested: { Token: 'tok_x', list: [{ pin: '1234', password: 'p' }] } });
    await j.close();
    const text = readFileSync(file(), 'utf8');
    for (const secret of ['123456', 'tok_x', '1234"', '"p"']) expect(text).not.toContain(secret);
    expect(text).toContain('"referenceId":"1"');
  });

  it('reading never changes the file', async () => {
    const j = journal();
    await j.append('sale.requested', { saleId: 's1', amountPaise: 1000 });
    await j.close();
    appendFileSync(file(), 'torn');
    const hash = () => createHash('sha256').update(readFileSync(file())).digest('hex');
    const before = hash();
    await readDay(dir, day);
    await readDay(dir, day);
    expect(hash()).toBe(before);
    expect(existsSync(`${file()}.corrupt`)).toBe(false);
  });

  it('reports damage in the middle and keeps the lines around it', async () => {
    writeFileSync(file(), '{"id":1,"type":"sale.requested","at":"x","terminal":"t","role":"staff","data":{}}\nGARBAGE\n{"id":2,"type":"sale.cancelled","at":"x","terminal":"t","role":"staff","data":{}}\n');
    const { events, warnings } = await readDay(dir, day);
    expect(events.map((e) => e.id)).toEqual([1, 2]);
    expect(warnings).toEqual([`${day}: line 2 is damaged; skipped.`]);
  });
});
