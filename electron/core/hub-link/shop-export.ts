import { HUB_ROUTES, type DaySalesAnswer, type ShopSale } from '../../contract/hub';
import { shiftDay } from '../../contract/days';
import type { PosError, PosResult } from '../../contract/errors';
import type { ExportFormat, ExportView } from '../../contract/views';
import { err, ok } from '../../contract/result';
import { deliverExport, recordsCsv, recordsXlsx, shopExportRecord, XLSX_MIME, type ExportFile, type HistoryDeps } from '../history';
import type { HubFailure } from './client';
import type { HubRuntime } from './runtime';

export interface ShopExportInput {
  fromDay: string;
  toDay: string;
  terminalId?: string | undefined;
  format: ExportFormat;
}

/** Reads one day's sales from the hub (all counters, or one); a failure is the hub's, in plain words. */
export type ReadDay = (day: string, terminalId: string | undefined) => Promise<PosResult<ShopSale[]>>;

/**
 * Every day of the span, read one after another (a hub on a shop's LAN, at most 31 reads). One day
 * the hub cannot give fails the whole export: a file missing a day would look like a quiet day.
 */
export async function readSpanSales(read: ReadDay, input: Pick<ShopExportInput, 'fromDay' | 'toDay' | 'terminalId'>): Promise<PosResult<ShopSale[]>> {
  const sales: ShopSale[] = [];
  for (let day = input.fromDay; day <= input.toDay; day = shiftDay(day, 1)) {
    const answer = await read(day, input.terminalId);
    if (!answer.ok) return err({ code: answer.error.code, message: `The sales of ${day} could not be read from the shop hub, so nothing was exported. ${answer.error.message}` });
    sales.push(...answer.value);
  }
  // Oldest first across counters: the hub lists a day counter by counter.
  return ok(sales.map((sale, index) => ({ sale, index })).sort((a, b) => a.sale.requestedAt.localeCompare(b.sale.requestedAt) || a.index - b.index).map(({ sale }) => sale));
}

/** The file's bytes and name: shop-<day>[-to-<day>][-<counter>].<csv|xlsx>. */
export async function shopExportFile(sales: readonly ShopSale[], input: ShopExportInput, counterName: string | null): Promise<ExportFile> {
  const records = sales.map(shopExportRecord);
  const span = input.fromDay === input.toDay ? input.fromDay : `${input.fromDay}-to-${input.toDay}`;
  const counter = counterName ? `-${counterName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'counter'}` : '';
  const fileName = `shop-${span}${counter}.${input.format}`;
  if (input.format === 'xlsx') return { fileName, bytes: await recordsXlsx(records), mimeType: XLSX_MIME };
  return { fileName, bytes: Buffer.from(recordsCsv(records), 'utf8'), mimeType: 'text/csv;charset=utf-8' };
}

export function shopExportHandler(hub: HubRuntime, deps: HistoryDeps, refused: () => PosError | null, problem: (failure: HubFailure) => PosError) {
  const readDay: ReadDay = async (day, terminalId) => {
    const query = terminalId ? `?terminal=${encodeURIComponent(terminalId)}` : '';
    const answer = await hubRead(hub, `${HUB_ROUTES.daysPrefix}${day}/sales${query}`);
    return answer.ok ? ok(answer.value.sales) : err(problem(answer.error));
  };
  return async (input: ShopExportInput): Promise<PosResult<ExportView>> => {
    const refusal = refused();
    if (refusal) return err(refusal);
    const read = await readSpanSales(readDay, input);
    if (!read.ok) return read;
    const counterName = input.terminalId ? (read.value[0]?.terminalName ?? input.terminalId) : null;
    const file = await shopExportFile(read.value, input, counterName);
    return deliverExport(file, read.value.length, deps);
  };
}

/** A light check of the hub's answer: a list of sales (another hub version must not break the export). */
function hubRead(hub: HubRuntime, path: string) {
  return hub.call('GET', path, undefined, (value) => {
    const sales = (value as Partial<DaySalesAnswer> | null)?.sales;
    if (!Array.isArray(sales)) throw new Error('not a day of sales');
    return { sales: sales as ShopSale[] };
  });
}
