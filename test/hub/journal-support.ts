// Journal batches and owner reads through app.inject, for the intake, owner and stream suites.
import type { DaySalesAnswer, DaySummaryAnswer, JournalBatch, JournalBatchAnswer, SaleStateTotals } from '../../electron/contract/hub';
import type { JournalEvent, JournalEventType } from '../../electron/contract/journal';
import { bearer, type TestHub } from './hub-support';

/** 15:30 IST on 1 December 2026. */
export const NOON = Date.parse('2026-12-01T10:00:00Z');
export const DAY = '2026-12-01';

export function ev(id: number, type: JournalEventType, data: Record<string, unknown>, atMs = NOON + id * 1_000): JournalEvent {
  return { id, type, at: new Date(atMs).toISOString(), terminal: 'Counter 1', role: 'staff', data };
}

/** A paid sale's three lines, from `id` on. */
export const paidSale = (id: number, saleId: string, amountPaise: number, by: 'bos' | 'person' = 'bos', atMs?: number): JournalEvent[] => [
  ev(id, 'sale.requested', { saleId, amountPaise }, atMs),
  ev(id + 1, 'sale.qr_issued', { saleId, amountPaise, qrId: `qr_${saleId}`, txnRef: `TXN_${saleId}` }, atMs),
  ev(id + 2, by === 'bos' ? 'sale.payment_confirmed' : 'sale.paid', { saleId, amountPaise, utr: `U${id}` }, atMs),
];

export function totals(partial: Partial<SaleStateTotals> = {}): SaleStateTotals {
  const zero = { count: 0, paise: 0 };
  return { creating: zero, showing: zero, paid: zero, cancelled: zero, expired: zero, failed: zero, ...partial };
}

export async function send(hub: TestHub, credential: string, batch: JournalBatch | Record<string, unknown>) {
  const res = await hub.app.inject({ method: 'POST', url: '/v1/journal', headers: bearer(credential), payload: batch });
  return { status: res.statusCode, body: res.json<JournalBatchAnswer & { error?: { code: string; message: string } }>() };
}

export async function sendOk(hub: TestHub, credential: string, batch: JournalBatch): Promise<JournalBatchAnswer> {
  const { status, body } = await send(hub, credential, batch);
  if (status !== 200) throw new Error(`journal answered ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function cursor(hub: TestHub, credential: string): Promise<number | null> {
  return (await hub.app.inject({ method: 'GET', url: '/v1/journal/cursor', headers: bearer(credential) })).json<{ lastId: number | null }>().lastId;
}

export async function summary(hub: TestHub, auth: string, day = DAY): Promise<DaySummaryAnswer> {
  const res = await hub.app.inject({ method: 'GET', url: `/v1/days/${day}/summary`, headers: bearer(auth) });
  if (res.statusCode !== 200) throw new Error(`summary answered ${res.statusCode} ${res.body}`);
  return res.json<DaySummaryAnswer>();
}

export async function sales(hub: TestHub, auth: string, day = DAY, terminal?: string): Promise<DaySalesAnswer['sales']> {
  const res = await hub.app.inject({ method: 'GET', url: `/v1/days/${day}/sales${terminal ? `?terminal=${terminal}` : ''}`, headers: bearer(auth) });
  if (res.statusCode !== 200) throw new Error(`sales answered ${res.statusCode} ${res.body}`);
  return res.json<DaySalesAnswer>().sales;
}
