import type { ShopSale, UnmatchedPayment } from '../../../../electron/contract/hub';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';
import { ts } from '../../i18n/shop';
import { formatDateTime, formatTime } from '../../i18n/dates';

/** Money BOS reported that no counter was given (no counter's QR, or two claims on it): the owner checks it with the customer or BOS. */
export function UnmatchedList({ payments }: { payments: readonly UnmatchedPayment[] | null }) {
  const c = ts().shop.unmatchedColumns;
  return (
    <section className="shop-list" aria-labelledby="shop-unmatched-title" data-testid="shop-unmatched">
      <h2 id="shop-unmatched-title">{ts().shop.unmatchedTitle}</h2>
      <p className="hint">{ts().shop.unmatchedHint}</p>
      {payments === null ? (
        <p className="field-error" role="status">{ts().shop.unmatchedUnread}</p>
      ) : payments.length === 0 ? (
        <p className="empty">{ts().shop.unmatchedNone}</p>
      ) : (
        <table className="history-table" aria-labelledby="shop-unmatched-title">
          <thead>
            <tr>
              <th scope="col">{c.at}</th>
              <th scope="col" className="num">{c.amount}</th>
              <th scope="col">{c.utr}</th>
              <th scope="col">{c.payer}</th>
              <th scope="col">{c.why}</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.paymentId} className="unmatched-row">
                <td>{formatDateTime(p.receivedAt)}</td>
                <td className="num">{formatPaise(p.amountPaise)}</td>
                <td className="mono">{p.utr ?? ''}</td>
                <td className="mono">{p.payerVpa ?? ''}</td>
                <td className={p.reason === 'claimed_twice' ? 'unmatched-held' : undefined}>
                  {p.reason === 'claimed_twice' ? ts().shop.unmatchedWhy.claimedTwice(p.claimedBy.join(', ')) : ts().shop.unmatchedWhy.unclaimed}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Sales paid after they were cancelled or had expired: still to refund or keep, or kept already. */
export function LateList({ sales }: { sales: readonly ShopSale[] }) {
  const late = sales.filter((s) => s.latePayment || s.paidAfterCancel || s.paidAfterExpiry);
  return (
    <section className="shop-list" aria-labelledby="shop-late-title" data-testid="shop-late">
      <h2 id="shop-late-title">{ts().shop.lateTitle}</h2>
      {late.length === 0 ? (
        <p className="empty">{ts().shop.lateNone}</p>
      ) : (
        <ul className="shop-late-list">
          {late.map((s) => (
            <li key={`${s.terminalId}:${s.saleId}`} className={s.latePayment ? 'late-open' : 'late-kept'}>
              <strong>{s.terminalName}</strong> · {formatTime(s.requestedAt)} · {formatPaise(s.amountPaise)} ·{' '}
              {s.latePayment ? t.history.latePayment[s.latePayment.reason](formatPaise(s.latePayment.amountPaise)) : s.paidAfterCancel ? ts().shop.keptAfterCancel : ts().shop.keptAfterExpiry}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
