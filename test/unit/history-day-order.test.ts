import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../electron/contract/views';
import { dayText, parseDayText } from '../../renderer/src/screens/history/dayText';
import { orderRows } from '../../renderer/src/screens/history/rowOrder';

describe('the History day field\'s words', () => {
  it('shows a journal day day first', () => {
    expect(dayText('2026-12-01')).toBe('01/12/2026');
  });

  it('takes a day as a shop writes it, with / . or - and with or without leading zeros', () => {
    expect(parseDayText('01/12/2026')).toBe('2026-12-01');
    expect(parseDayText('1/12/2026')).toBe('2026-12-01');
    expect(parseDayText(' 1.12.2026 ')).toBe('2026-12-01');
    expect(parseDayText('1-2-2026')).toBe('2026-02-01');
  });

  it('refuses what is no real day, a two-digit year and month-first leftovers past 12', () => {
    expect(parseDayText('31/02/2026')).toBeNull();
    expect(parseDayText('29/02/2025')).toBeNull();
    expect(parseDayText('29/02/2028')).toBe('2028-02-29');
    expect(parseDayText('12/31/2026')).toBeNull();
    expect(parseDayText('01/12/26')).toBeNull();
    expect(parseDayText('2026-12-01')).toBeNull();
    expect(parseDayText('')).toBeNull();
  });
});

describe('History order', () => {
  const row = (id: string, at: string) => ({ id, at }) as HistoryRow;
  const rows = [row('b', '2026-12-01T10:00:00.000Z'), row('a', '2026-12-01T09:00:00.000Z'), row('c', '2026-12-01T11:00:00.000Z')];

  it('puts the newest first, or the oldest when asked, without changing what it was given', () => {
    expect(orderRows(rows, 'newest').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(orderRows(rows, 'oldest').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});
