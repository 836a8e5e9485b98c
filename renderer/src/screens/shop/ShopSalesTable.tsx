import type { ShopSale } from '../../../../electron/contract/hub';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';
import { ts } from '../../i18n/shop';
import { formatTime } from '../../i18n/dates';

function Ref({ label, value }: { label?: string; value: string | null }) {
  if (!value) return null;
  return (
    <span className="ref-line">
      {label && <span className="ref-label">{label} </span>}
      <span className="ref" title={value}>{value}</span>
    </span>
  );
}

/** Who confirmed a paid sale, as the hub holds it: BOS (it has the payment), the counter's claim it cannot back, a person. */
function ConfirmedBy({ by }: { by: NonNullable<ShopSale['confirmedBy']> }) {
  const look = { bos: ['confirmed-bos', '✓', t.history.confirmedByBos], counter_claim: ['confirmed-claim', '?', ts().shop.confirmedClaim], person: ['confirmed-hand', '✍', t.history.markedByHand] }[by];
  return (
    <div className={`confirmed-by ${look[0]}`} data-confirmed-by={by}>
      <span className="confirmed-icon" aria-hidden="true">{look[1]}</span> {look[2]}
    </div>
  );
}

/** Every sale of the day at every counter shown, newest first, with the counter that rang it up. */
export function ShopSalesTable({ day, sales }: { day: string; sales: readonly ShopSale[] }) {
  const c = ts().shop.columns;
  const rows = [...sales].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  if (rows.length === 0) return <p className="empty">{ts().shop.noSalesDay}</p>;
  return (
    <div className="history-table-wrap">
      <table className="history-table shop-table" aria-label={ts().shop.tableLabel(day)}>
        <thead>
          <tr>
            <th scope="col">{c.time}</th>
            <th scope="col">{c.counter}</th>
            <th scope="col" className="num">{c.amount}</th>
            <th scope="col" className="col-state">{c.state}</th>
            <th scope="col">{c.references}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((sale) => (
            <tr key={`${sale.terminalId}:${sale.saleId}`} className={`state-${sale.state}`} data-testid="shop-row">
              <td>{formatTime(sale.requestedAt)}</td>
              <td data-testid="shop-row-counter">{sale.terminalName}</td>
              <td className="num">{formatPaise(sale.amountPaise)}</td>
              <td className="col-state">
                <span className="state-tag">{t.history.saleStates[sale.state]}</span>
                {sale.paidAfterExpiry && <span className="late-tag"> · {t.history.paidLateTag}</span>}
                {sale.paidAfterCancel && <span className="late-tag"> · {t.history.paidAfterCancelTag}</span>}
                {sale.state === 'paid' && sale.confirmedBy && <ConfirmedBy by={sale.confirmedBy} />}
                {sale.latePayment && <div className="late-payment" role="note">{t.history.latePayment[sale.latePayment.reason](formatPaise(sale.latePayment.amountPaise))}</div>}
                {sale.bosMessage && <div className="row-bos-said">{t.errors.bosSaid} <span lang="en-IN">{sale.bosMessage}</span></div>}
              </td>
              <td className="cell-refs">
                <Ref value={sale.bosReference} />
                <Ref label={t.history.columns.utr} value={sale.utr} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
