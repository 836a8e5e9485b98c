import { useState } from 'react';
import type { HistoryRow, SaleHistoryRow } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { language, t } from '../../i18n';
import { formatTime } from '../../i18n/dates';


function stateText(row: HistoryRow): string {
  return row.kind === 'sale' ? t.history.saleStates[row.state] : t.history.refundStates[row.state];
}

/** Paid or cancelled, each behind a second press that names the amount. */
function Resolve({ row, busy, onResolve }: { row: SaleHistoryRow; busy: boolean; onResolve: (row: SaleHistoryRow, paid: boolean) => void }) {
  const [asking, setAsking] = useState<'paid' | 'cancel' | null>(null);
  const amount = formatPaise(row.amountPaise);
  if (!asking) {
    return (
      <div className="row-actions">
        <button type="button" disabled={busy} onClick={() => setAsking('paid')}>{t.history.markPaid}</button>
        <button type="button" className="danger" disabled={busy} onClick={() => setAsking('cancel')}>{t.history.cancelSale}</button>
      </div>
    );
  }
  return (
    <div className="row-actions" role="group" aria-label={asking === 'paid' ? t.history.confirmPaid(amount) : t.history.confirmCancel(amount)}>
      <span className="row-question">{asking === 'paid' ? t.history.confirmPaid(amount) : t.history.confirmCancel(amount)}</span>
      <button type="button" className={asking === 'paid' ? 'primary' : 'danger'} disabled={busy} onClick={() => onResolve(row, asking === 'paid')}>
        {asking === 'paid' ? t.history.yesPaid : t.history.yesCancel}
      </button>
      <button type="button" disabled={busy} onClick={() => setAsking(null)}>{t.history.back}</button>
    </div>
  );
}

export function HistoryTable({ day, rows, busy, onResolve }: { day: string; rows: readonly HistoryRow[]; busy: boolean; onResolve: (row: SaleHistoryRow, paid: boolean) => void }) {
  const c = t.history.columns;
  return (
    <table className="history-table" aria-label={t.history.tableLabel(day)}>
      <thead>
        <tr>
          <th scope="col">{c.time}</th>
          <th scope="col">{c.type}</th>
          <th scope="col" className="num">{c.amount}</th>
          <th scope="col">{c.state}</th>
          <th scope="col">{c.reference}</th>
          <th scope="col">{c.utr}</th>
          <th scope="col">{c.action}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.kind}:${row.id}`} className={`state-${row.state}`}>
            <td>{formatTime(row.at)}</td>
            <td>{row.kind === 'sale' ? t.history.sale : t.history.refund}</td>
            <td className="num">{row.kind === 'sale' ? formatPaise(row.amountPaise) : ''}</td>
            <td>
              <span className="state-tag">{stateText(row)}</span>
              {row.kind === 'sale' && row.paidAfterExpiry && <span className="late-tag"> · {t.history.paidLateTag}</span>}
              {/* The journal keeps BOS's or main's own English words: marked as English, so they are read as English. */}
              {row.note && <RowNote note={row.note} code={row.noteCode} />}
            </td>
            <td className="mono">{row.kind === 'sale' ? (row.bosReference ?? '') : t.history.refundRef(row.referenceId, row.ackNo)}</td>
            <td className="mono">{row.kind === 'sale' ? (row.utr ?? '') : ''}</td>
            <td>{row.kind === 'sale' && row.canResolve && <Resolve row={row} busy={busy} onResolve={onResolve} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Why a row was refused. The journal keeps BOS's or main's own English words: marked as English, so
 * they are read as English. In another language a sentence for the error's code comes first.
 */
function RowNote({ note, code }: { note: string; code: string | null }) {
  const byCode = t.errors.byCode as Record<string, string | undefined>;
  const translated = language() !== 'en' && code ? byCode[code] : undefined;
  return (
    <>
      {translated && <div className="row-note">{translated}</div>}
      <div className="row-note" lang="en-IN">{note}</div>
    </>
  );
}
