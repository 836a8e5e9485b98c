import type { HistoryRow, SettingsView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';
import { formatTime } from '../../i18n/dates';
import { RowActions } from './RowActions';
import { RowState } from './RowState';

/** An id or a UTR on one line, never broken; when the column is too narrow it ends in … and the whole value is its tooltip. */
function Reference({ label, value, testId }: { label?: string; value: string; testId: string }) {
  if (!value) return null;
  return (
    <span className="ref-line" data-testid={testId}>
      {label && <span className="ref-label">{label} </span>}
      <span className="ref" title={value}>{value}</span>
    </span>
  );
}

interface HistoryTableProps {
  day: string;
  rows: readonly HistoryRow[];
  busy: boolean;
  run: (call: () => Promise<void>) => Promise<unknown>;
  onChanged: () => void;
  settings: SettingsView | null;
}

export function HistoryTable({ day, rows, busy, run, onChanged, settings }: HistoryTableProps) {
  const c = t.history.columns;
  return (
    <div className="history-table-wrap">
      <table className="history-table" aria-label={t.history.tableLabel(day)}>
        <thead>
          <tr>
            <th scope="col">{c.time}</th>
            <th scope="col">{c.type}</th>
            <th scope="col" className="num">{c.amount}</th>
            <th scope="col" className="col-state">{c.state}</th>
            <th scope="col">{c.references}</th>
            <th scope="col" className="col-action">{c.action}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.kind}:${row.id}`} className={`state-${row.state}`}>
              <td>{formatTime(row.at)}</td>
              <td>{row.kind === 'sale' ? t.history.sale : t.history.refund}</td>
              <td className="num">{row.kind === 'sale' ? formatPaise(row.amountPaise) : ''}</td>
              <td className="col-state">
                <RowState row={row} />
              </td>
              <td className="cell-refs">
                {row.kind === 'sale' ? (
                  <>
                    <Reference testId="bos-reference" value={row.bosReference ?? ''} />
                    <Reference testId="utr" label={c.utr} value={row.utr ?? ''} />
                  </>
                ) : (
                  <Reference testId="refund-reference" value={t.history.refundRef(row.referenceId, row.ackNo)} />
                )}
              </td>
              <td className="col-action">
                {row.kind === 'sale' && <RowActions row={row} busy={busy} run={run} onChanged={onChanged} settings={settings} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
