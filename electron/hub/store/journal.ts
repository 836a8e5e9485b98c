import { createHash } from 'node:crypto';
import type { ShopChange } from '../../contract/hub';
import { istDay } from '../journal/days';
import { applySaleEvent, foldSale, newSale, type FoldEvent, type HubSale } from '../journal/fold';
import type { IntakeEvent, IntakeReport } from '../journal/validate';
import { int, intOrNull, iso, isoOf, text } from './rows';
import { bosVerified, dayOfSale, DELIVERED_TO_SALES, deliveredRows, SALE_COLUMNS, SALE_RECORD_TYPES, saleOfRow, saleRecord } from './sale-rows';
import type { SqlRunner, StoreSignal } from './sql';
import { journalUsage, USAGE_COLUMNS } from './journal-usage';
import type { JournalQuota } from '../journal/quota';
import type { JournalIntake, OverQuota, ShopChangeItem, Terminal } from './types';

type Announce = (signal: StoreSignal) => Promise<void>;

/** Changes kept per shop for a stream resuming from its cursor; older ones are pruned every hundredth change. */
const SHOP_CHANGES_KEPT = 1_000;

// One terminal's batches one at a time, whichever hub process takes them: which events are new, and the
// sales they fold into, are then read and written by one transaction alone.
const terminalLockKey = (terminalId: string): string => String(createHash('sha256').update(`journal\n${terminalId}`).digest().readBigInt64BE(0));

/** Holds this terminal's journal lock to the end of the transaction: its batches, and the checks of its sales, one at a time. */
export async function lockTerminalJournal(tx: SqlRunner, terminalId: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1::bigint)', [terminalLockKey(terminalId)]);
}

// In one statement: which of the batch's ids are held already, the highest held before it, what the
// terminal used of its quota today ($3), and the payments delivered to the batch's sales ($4).
const HELD = `select (select max(event_id) from journal_events where terminal_id = $1) as last_id,
  array(select event_id::text from journal_events where terminal_id = $1 and event_id = any($2::bigint[])) as held, ${USAGE_COLUMNS}, ${DELIVERED_TO_SALES}`;
const SALES_OF = `select ${SALE_COLUMNS} from sales where terminal_id = $1 and sale_id = any($2::text[])`;
const EVENTS_OF_SALES = 'select event_id, type, at, sale_id, data from journal_events where terminal_id = $1 and sale_id = any($2::text[]) order by event_id';

// Column arrays rather than one JSON document: each event's data is parsed into jsonb once, not twice.
const INSERT_EVENTS = `
  insert into journal_events (terminal_id, event_id, shop_id, type, role, at, day, sale_id, data, received_at)
  select $1, e.id, $2, e.type, e.role, e.at, e.day, e.sale_id, e.data, $3::timestamptz
  from unnest($4::bigint[], $5::text[], $6::text[], $7::timestamptz[], $8::date[], $9::text[], $10::jsonb[]) as e(id, type, role, at, day, sale_id, data)
  on conflict (terminal_id, event_id) do nothing`;

const UPSERT_SALES = `
  insert into sales (terminal_id, shop_id, updated_at, ${SALE_COLUMNS}, day, hour)
  select $1, $2, $4::timestamptz, ${SALE_COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')}, s.day, s.hour
  from jsonb_to_recordset($3::jsonb) as s(${SALE_RECORD_TYPES})
  on conflict (terminal_id, sale_id) do update set updated_at = excluded.updated_at, day = excluded.day, hour = excluded.hour,
    ${SALE_COLUMNS.split(', ').filter((c) => c !== 'sale_id').map((c) => `${c} = excluded.${c}`).join(', ')}`;

// A sale whose request arrived after its other lines moves to the request's day, and so do its lines.
const MOVE_EVENTS = `
  update journal_events e set day = m.day from jsonb_to_recordset($2::jsonb) as m(sale_id text, day date)
  where e.terminal_id = $1 and e.sale_id = m.sale_id and e.day <> m.day`;

// Last one wins, where "last" is the counter's: a report sent with older events never replaces a newer one.
const UPSERT_REPORTS = `
  insert into journal_reports (terminal_id, day, shop_id, sales, as_of_event_id, reported_at)
  select $1, r.day, $2, r.sales, $3, $4::timestamptz from jsonb_to_recordset($5::jsonb) as r(day date, sales jsonb)
  on conflict (terminal_id, day) do update set sales = excluded.sales, as_of_event_id = excluded.as_of_event_id, reported_at = excluded.reported_at
  where journal_reports.as_of_event_id <= excluded.as_of_event_id`;

const LAST_ID = 'select max(event_id) as last_id from journal_events where terminal_id = $1';

// The shop's row is locked from here to the commit: the change numbers of a shop commit in order, so a
// stream reading after its cursor never passes one still being written. Taken last, held briefly.
const ADD_CHANGE = `
  with bump as (update shops set journal_seq = journal_seq + 1 where id = $1 returning journal_seq)
  insert into shop_changes (shop_id, seq, terminal_id, days, at) select $1, journal_seq, $2, $3::jsonb, $4::timestamptz from bump returning seq`;

const toFold = (e: IntakeEvent): FoldEvent => ({ id: e.id, type: e.type, at: e.at, data: e.data });

/** Each touched sale folded with its new events: on top of the stored fold, or again from all its events when one comes below it. */
async function foldTouched(tx: SqlRunner, terminalId: string, fresh: readonly IntakeEvent[]): Promise<{ sales: HubSale[]; oldDays: Map<string, string> }> {
  const bySale = new Map<string, IntakeEvent[]>();
  for (const e of fresh) if (e.saleId !== null) bySale.set(e.saleId, [...(bySale.get(e.saleId) ?? []), e]);
  if (bySale.size === 0) return { sales: [], oldDays: new Map() };
  const stored = new Map((await tx.query(SALES_OF, [terminalId, [...bySale.keys()]])).map((r) => [text(r.sale_id), saleOfRow(r)]));
  const sales: HubSale[] = [];
  const again: string[] = [];
  const oldDays = new Map<string, string>();
  for (const [saleId, events] of bySale) {
    const current = stored.get(saleId);
    if (current) oldDays.set(saleId, dayOfSale(current));
    if (current && events[0]!.id < current.lastEventId) {
      again.push(saleId);
      continue;
    }
    const sale = current ?? newSale(saleId, toFold(events[0]!));
    for (const e of events) applySaleEvent(sale, toFold(e));
    sales.push(sale);
  }
  if (again.length > 0) {
    const held = new Map<string, FoldEvent[]>();
    for (const r of await tx.query(EVENTS_OF_SALES, [terminalId, again])) {
      const saleId = text(r.sale_id);
      held.set(saleId, [...(held.get(saleId) ?? []), { id: int(r.event_id), type: text(r.type), at: isoOf(r.at), data: r.data as Record<string, unknown> }]);
    }
    for (const saleId of again) {
      const sale = foldSale(saleId, [...(held.get(saleId) ?? []), ...bySale.get(saleId)!.map(toFold)]);
      if (sale) sales.push(sale);
    }
  }
  return { sales, oldDays };
}

export async function recordJournal(
  tx: SqlRunner,
  announce: Announce,
  terminal: Terminal,
  events: readonly IntakeEvent[],
  reported: readonly IntakeReport[],
  now: number,
  quota: JournalQuota,
): Promise<JournalIntake | OverQuota> {
  await lockTerminalJournal(tx, terminal.id);
  const at = iso(now);
  const batchSales = [...new Set(events.flatMap((e) => (e.saleId === null ? [] : [e.saleId])))];
  const [before] = await tx.query(HELD, [terminal.id, events.map((e) => String(e.id)), istDay(now), batchSales]);
  const held = new Set((Array.isArray(before?.held) ? before.held : []).map((id) => int(id)));
  const fresh = events.filter((e) => !held.has(e.id));
  const usage = journalUsage(tx, before, terminal, now, { events: Math.max(1, fresh.length), bytes: fresh.reduce((sum, e) => sum + e.bytes, 0) }, quota);
  if (usage.over) return usage.over;
  // Fresh ids are in rising order: the last is the batch's highest new one.
  const lastId = fresh.length > 0 ? Math.max(intOrNull(before?.last_id) ?? 0, fresh[fresh.length - 1]!.id) : intOrNull(before?.last_id);
  const { sales, oldDays } = await foldTouched(tx, terminal.id, fresh);
  const saleDay = new Map(sales.map((s) => [s.saleId, dayOfSale(s)]));
  const days = new Set<string>();
  const eventDays = fresh.map((e) => {
    const day = (e.saleId !== null ? saleDay.get(e.saleId) : undefined) ?? istDay(e.atMs);
    days.add(day);
    return day;
  });
  if (fresh.length > 0) {
    await tx.query(INSERT_EVENTS, [terminal.id, terminal.shopId, at, fresh.map((e) => String(e.id)), fresh.map((e) => e.type), fresh.map((e) => e.role), fresh.map((e) => e.at), eventDays, fresh.map((e) => e.saleId), fresh.map((e) => JSON.stringify(e.data))]);
  }
  // What the counter says BOS confirmed is checked against the payments the hub delivered to those sales.
  // Deliveries check it too, under this terminal's lock: the two never miss each other.
  const delivered = deliveredRows(before?.delivered);
  if (sales.length > 0) await tx.query(UPSERT_SALES, [terminal.id, terminal.shopId, JSON.stringify(sales.map((s) => saleRecord(s, bosVerified(s, delivered)))), at]);
  const moved = sales.filter((s) => oldDays.has(s.saleId) && oldDays.get(s.saleId) !== saleDay.get(s.saleId));
  if (moved.length > 0) {
    for (const s of moved) days.add(oldDays.get(s.saleId)!);
    await tx.query(MOVE_EVENTS, [terminal.id, JSON.stringify(moved.map((s) => ({ sale_id: s.saleId, day: saleDay.get(s.saleId) })))]);
  }
  if (reported.length > 0) {
    const asOf = events.length > 0 ? events[events.length - 1]!.id : (lastId ?? 0);
    await tx.query(UPSERT_REPORTS, [terminal.id, terminal.shopId, asOf, at, JSON.stringify(reported)]);
    for (const r of reported) days.add(r.day);
  }
  await usage.record();
  // Last: the shop's change row stays locked until the commit.
  const changed = [...days].sort();
  await addShopChange(tx, announce, terminal.shopId, terminal.id, changed, at);
  return { kind: 'kept', accepted: fresh.length, duplicates: events.length - fresh.length, lastId, days: changed };
}

/** A change of these days of a shop for its owner's stream (nothing when no day changed). */
export async function addShopChange(tx: SqlRunner, announce: Announce, shopId: string, terminalId: string, days: readonly string[], at: string): Promise<void> {
  if (days.length === 0) return;
  const [row] = await tx.query(ADD_CHANGE, [shopId, terminalId, JSON.stringify(days), at]);
  const seq = int(row?.seq);
  if (seq % 100 === 0) await tx.query('delete from shop_changes where shop_id = $1 and seq <= $2', [shopId, seq - SHOP_CHANGES_KEPT]);
  await announce({ kind: 'shop', shopId });
}

export async function journalCursor(tx: SqlRunner, terminalId: string): Promise<number | null> {
  return intOrNull((await tx.query(LAST_ID, [terminalId]))[0]?.last_id);
}

const daysOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : []);

export async function shopChangesAfter(tx: SqlRunner, shopId: string, cursor: number, limit: number): Promise<ShopChangeItem[]> {
  const rows = await tx.query('select seq, terminal_id, days from shop_changes where shop_id = $1 and seq > $2 order by seq limit $3', [shopId, cursor, limit]);
  return rows.map((r) => ({ cursor: int(r.seq), change: { terminalId: text(r.terminal_id), days: daysOf(r.days) } satisfies ShopChange }));
}

export async function latestShopChange(tx: SqlRunner, shopId: string): Promise<number> {
  return int((await tx.query('select journal_seq from shops where id = $1', [shopId]))[0]?.journal_seq ?? 0);
}
