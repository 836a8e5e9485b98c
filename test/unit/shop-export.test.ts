import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ShopSale } from '../../electron/contract/hub';
import { inputSchemas } from '../../electron/contract/schemas';
import { err, ok, type Result } from '../../electron/contract/result';
import { shopHandlers } from '../../electron/core/hub-link/owner-calls';
import type { HubRuntime } from '../../electron/core/hub-link';
import type { HubFailure } from '../../electron/core/hub-link/client';
import { EXPORT_HEADER } from '../../electron/core/history/export-records';
import { readSpanSales, shopExportFile, type ReadDay } from '../../electron/core/hub-link/shop-export';

const sale = (patch: Partial<ShopSale>): ShopSale => ({
  terminalId: 't_1', terminalName: 'Counter 1', saleId: 's_x', requestedAt: '2026-11-30T05:00:00.000Z', amountPaise: 10_000, state: 'paid',
  confirmedBy: 'bos', bosReference: 'SBX1', utr: '412345678901', paidAt: '2026-11-30T05:01:00.000Z', paidAfterExpiry: false, paidAfterCancel: false,
  latePayment: null, errorCode: null, bosMessage: null, ...patch,
});

/** Two days of a shop of two counters, as the hub lists a day: counter by counter, each oldest first. */
const HUB: Record<string, ShopSale[]> = {
  '2026-11-30': [
    sale({ saleId: 's_a1', requestedAt: '2026-11-30T05:00:00.000Z' }),
    sale({ saleId: 's_a3', requestedAt: '2026-11-30T07:00:00.000Z', amountPaise: 2_500, confirmedBy: 'person' }),
    sale({ terminalId: 't_2', terminalName: 'Counter 2', saleId: 's_b2', requestedAt: '2026-11-30T06:00:00.000Z', state: 'cancelled', confirmedBy: null, utr: null, paidAt: null, latePayment: { amountPaise: 4_000, utr: 'LATE1', reason: 'after_cancel' } }),
  ],
  '2026-12-01': [sale({ terminalId: 't_2', terminalName: 'Counter 2', saleId: 's_b4', requestedAt: '2026-12-01T04:00:00.000Z', state: 'failed', confirmedBy: null, utr: null, paidAt: null, errorCode: 'bos_refused', bosMessage: 'Invalid payee' })],
};
const asked: string[] = [];
const readDay: ReadDay = async (day, terminalId) => {
  asked.push(`${day}${terminalId ? `?${terminalId}` : ''}`);
  return ok((HUB[day] ?? []).filter((s) => !terminalId || s.terminalId === terminalId));
};

describe('the whole shop exported across days', () => {
  it('reads every day of the span once and lists the sales oldest first across counters', async () => {
    asked.length = 0;
    const read = await readSpanSales(readDay, { fromDay: '2026-11-29', toDay: '2026-12-01' });
    expect(asked).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(read.ok && read.value.map((s) => s.saleId)).toEqual(['s_a1', 's_b2', 's_a3', 's_b4']);
  });

  it('asks the hub for one counter when the owner chose one', async () => {
    asked.length = 0;
    const read = await readSpanSales(readDay, { fromDay: '2026-11-30', toDay: '2026-12-01', terminalId: 't_2' });
    expect(asked).toEqual(['2026-11-30?t_2', '2026-12-01?t_2']);
    expect(read.ok && read.value.map((s) => s.saleId)).toEqual(['s_b2', 's_b4']);
  });

  it('exports nothing when one day cannot be read, and says which day', async () => {
    const failing: ReadDay = async (day, terminalId) => (day === '2026-11-30' ? err({ code: 'hub_unavailable', message: 'Cannot reach the shop hub.' }) : readDay(day, terminalId));
    const read = await readSpanSales(failing, { fromDay: '2026-11-29', toDay: '2026-12-01' });
    expect(read).toEqual({ ok: false, error: { code: 'hub_unavailable', message: expect.stringMatching(/^The sales of 2026-11-30 could not be read .* nothing was exported\. Cannot reach the shop hub\.$/) } });
  });

  it('writes the CSV on the counter export\'s columns, the Counter column naming each sale\'s counter', async () => {
    const read = await readSpanSales(readDay, { fromDay: '2026-11-30', toDay: '2026-12-01' });
    if (!read.ok) throw new Error(read.error.message);
    const file = await shopExportFile(read.value, { fromDay: '2026-11-30', toDay: '2026-12-01', format: 'csv' }, null);
    expect(file.fileName).toBe('shop-2026-11-30-to-2026-12-01.csv');
    const parsed = Papa.parse<string[]>(file.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...EXPORT_HEADER]);
    const col = (name: string) => parsed[0]!.indexOf(name);
    expect(parsed.slice(1).map((r) => [r[col('ID')], r[col('Counter')], r[col('Amount (₹)')], r[col('State')]])).toEqual([
      ['s_a1', 'Counter 1', '100.00', 'Paid'],
      ['s_b2', 'Counter 2', '100.00', 'Cancelled'],
      ['s_a3', 'Counter 1', '25.00', 'Paid'],
      ['s_b4', 'Counter 2', '100.00', 'Failed'],
    ]);
    expect(parsed[2]![col('Late payment to refund or keep (₹)')]).toBe('40.00');
    expect(parsed[3]![col('Confirmed by')]).toBe('Marked by hand');
    expect([parsed[4]![col('BOS message')], parsed[4]![col('Note')], parsed[4]![col('BOS code')]]).toEqual(['Invalid payee', 'Refused (bos_refused)', '']);
  });

  it('writes the same rows as an Excel workbook, the counter in the file name when one was chosen', async () => {
    const read = await readSpanSales(readDay, { fromDay: '2026-11-30', toDay: '2026-12-01', terminalId: 't_2' });
    if (!read.ok) throw new Error(read.error.message);
    const file = await shopExportFile(read.value, { fromDay: '2026-11-30', toDay: '2026-12-01', terminalId: 't_2', format: 'xlsx' }, 'Counter 2');
    expect(file.fileName).toBe('shop-2026-11-30-to-2026-12-01-counter-2.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...EXPORT_HEADER]);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(sheet.rowCount).toBe(3);
    expect([cell(2, 'ID'), cell(2, 'Counter'), cell(2, 'Amount (₹)')]).toEqual(['s_b2', 'Counter 2', 100]);
    expect([cell(3, 'ID'), cell(3, 'Counter'), cell(3, 'State')]).toEqual(['s_b4', 'Counter 2', 'Failed']);
  });

  it('covers at most 31 days, refused beyond in plain words, and never backwards', () => {
    const schema = inputSchemas['shop.export'];
    expect(schema.safeParse({ fromDay: '2026-11-01', toDay: '2026-12-01', format: 'csv' }).success).toBe(true);
    const long = schema.safeParse({ fromDay: '2026-10-31', toDay: '2026-12-01', format: 'csv' });
    expect(long.success ? null : long.error.issues[0]?.message).toBe('One whole-shop export covers at most 31 days. Export a longer span a month at a time.');
    const backwards = schema.safeParse({ fromDay: '2026-12-02', toDay: '2026-12-01', format: 'xlsx' });
    expect(backwards.success ? null : backwards.error.issues[0]?.message).toBe('The first day must not be after the last day.');
  });
});

describe('shop.export, the operation', () => {
  const HUB_SALES: Record<string, ShopSale[]> = { '/v1/days/2026-11-30/sales': HUB['2026-11-30']!, '/v1/days/2026-12-01/sales': HUB['2026-12-01']! };
  const fakeHub = (role: 'owner' | 'counter' | null, answer: (path: string) => Result<unknown, HubFailure> = (path) => ({ ok: true, value: { sales: HUB_SALES[path] ?? [] } })) =>
    ({
      pairing: () => (role ? { role, shopName: 'Sharma Stores' } : null),
      call: async (_method: string, path: string, _body: unknown, read: (value: unknown) => unknown) => {
        const got = answer(path);
        return got.ok ? { ok: true, value: read(got.value) } : got;
      },
    }) as unknown as HubRuntime;
  const input = { fromDay: '2026-11-30', toDay: '2026-12-01', format: 'csv' } as const;

  it('is refused on a Counter paired as a counter, and on one not paired', async () => {
    expect(await shopHandlers(fakeHub('counter'), {})['shop.export'](input)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await shopHandlers(fakeHub(null), {})['shop.export'](input)).toMatchObject({ ok: false, error: { code: 'hub_unavailable' } });
  });

  it('hands the preview the file to download, and saves it where the owner chose in the app', async () => {
    const download = await shopHandlers(fakeHub('owner'), {})['shop.export'](input);
    expect(download).toMatchObject({ ok: true, value: { kind: 'download', fileName: 'shop-2026-11-30-to-2026-12-01.csv', encoding: 'utf8', rows: 4 } });
    const dir = mkdtempSync(join(tmpdir(), 'shop-export-'));
    try {
      const path = join(dir, 'chosen.xlsx');
      const saved = await shopHandlers(fakeHub('owner'), { chooseExportPath: async () => path })['shop.export']({ ...input, format: 'xlsx' });
      expect(saved).toEqual({ ok: true, value: { kind: 'saved', path, rows: 4 } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      expect(workbook.worksheets[0]!.rowCount).toBe(5);
      expect(await shopHandlers(fakeHub('owner'), { chooseExportPath: async () => null })['shop.export'](input)).toEqual({ ok: true, value: { kind: 'cancelled' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says the hub cannot be reached, and for which day, when one day fails', async () => {
    const down = fakeHub('owner', (path) => (path.includes('2026-12-01') ? { ok: false, error: { kind: 'unreachable', message: 'Cannot reach the shop hub. Check the address and the network.' } } : { ok: true, value: { sales: [] } }));
    expect(await shopHandlers(down, {})['shop.export'](input)).toMatchObject({ ok: false, error: { code: 'hub_unavailable', message: expect.stringContaining('The sales of 2026-12-01 could not be read') } });
  });
});
