import type { SaleStateTotals, ShopSale } from '../../contract/hub';
import type { DayFigures, SaleFigure } from '../journal/summary';
import { int, text } from './rows';
import { SALE_COLUMNS, shopSaleOf } from './sale-rows';
import type { SqlRunner } from './sql';

// The shop-day queries: each reads the day's rows through sales_by_shop_day (the bench prints the plan).
// Only sales whose request the hub holds count, as on the counter (History and its day totals).
export const DAY_FIGURES_SQL = "select terminal_id, state, amount_paise, confirmed_by, hour, late_reason from sales where shop_id = $1 and day = $2::date and requested";
const DAY_REPORTS_SQL = 'select terminal_id, sales from journal_reports where shop_id = $1 and day = $2::date';

const STATES = ['creating', 'showing', 'paid', 'cancelled', 'expired', 'failed'] as const;
const figureOf = (r: Record<string, unknown>): SaleFigure => ({
  terminalId: text(r.terminal_id),
  state: STATES.find((s) => s === r.state) ?? 'creating',
  amountPaise: int(r.amount_paise),
  confirmedBy: r.confirmed_by === 'bos' || r.confirmed_by === 'person' ? r.confirmed_by : null,
  hour: int(r.hour),
  late: r.late_reason !== null && r.late_reason !== undefined,
});

export async function dayFigures(tx: SqlRunner, shopId: string, day: string): Promise<DayFigures> {
  const [sales, reports] = [await tx.query(DAY_FIGURES_SQL, [shopId, day]), await tx.query(DAY_REPORTS_SQL, [shopId, day])];
  return { sales: sales.map(figureOf), reports: reports.map((r) => ({ terminalId: text(r.terminal_id), sales: r.sales as SaleStateTotals })) };
}

const SALE_LIST = `select s.terminal_id, t.name as terminal_name, ${SALE_COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')}
  from sales s join terminals t on t.id = s.terminal_id where s.shop_id = $1 and s.day = $2::date and s.requested`;
const ORDER = 'order by s.requested_at, s.terminal_id, s.sale_id';

export async function daySales(tx: SqlRunner, shopId: string, day: string, terminalId: string | null): Promise<ShopSale[]> {
  const rows = terminalId === null ? await tx.query(`${SALE_LIST} ${ORDER}`, [shopId, day]) : await tx.query(`${SALE_LIST} and s.terminal_id = $3 ${ORDER}`, [shopId, day, terminalId]);
  return rows.map(shopSaleOf);
}

