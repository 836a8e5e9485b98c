import type { DayFigures } from '../journal/summary';
import { dayFigures } from './owner';
import { int, intOrNull, isoOrNull, text } from './rows';
import type { SqlRunner } from './sql';

// Through sales_by_shop_day, as the day's other figures: the paid sales whose counter says BOS confirmed
// them and for which the hub holds no such payment.
const CLAIMS_SQL = `select terminal_id, count(*) as claimed from sales
  where shop_id = $1 and day = $2::date and requested and state = 'paid' and confirmed_by = 'bos' and not bos_verified group by terminal_id`;

// Each terminal's journal bytes that day, and any whose journal the hub is failing to keep now.
const JOURNALS_SQL = `
  select coalesce(u.terminal_id, h.terminal_id) as terminal_id, coalesce(u.bytes, 0) as bytes, u.bytes_quota, h.stuck_since
  from (select terminal_id, bytes, bytes_quota from journal_usage where shop_id = $1 and day = $2::date) u
  full join (select terminal_id, stuck_since from journal_health where shop_id = $1 and stuck_since is not null) h on h.terminal_id = u.terminal_id`;

/** The day's figures as the counters folded them, with what the hub makes of them: unverified claims, journal sizes, stuck journals. */
export async function shopDayFigures(tx: SqlRunner, shopId: string, day: string): Promise<DayFigures> {
  const folded = await dayFigures(tx, shopId, day);
  const [claims, journals] = [await tx.query(CLAIMS_SQL, [shopId, day]), await tx.query(JOURNALS_SQL, [shopId, day])];
  return {
    ...folded,
    claims: claims.map((r) => ({ terminalId: text(r.terminal_id), count: int(r.claimed) })),
    journals: journals.map((r) => ({ terminalId: text(r.terminal_id), bytes: int(r.bytes), bytesQuota: intOrNull(r.bytes_quota), stuckSince: isoOrNull(r.stuck_since) })),
  };
}
