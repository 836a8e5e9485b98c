import { useEffect, useRef } from 'react';
import type { PosError, SaleView } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { ErrorBox } from '../../components/ErrorBox';
import { t } from '../../i18n';

/** A sale left open by a crash or power cut: a person says whether it was paid. No button has focus, so a stray Enter decides nothing. */
export function UnresolvedSale({ sale, error, busy, onAnswer }: { sale: SaleView; error: PosError | null; busy: boolean; onAnswer: (paid: boolean) => void }) {
  const dialog = useRef<HTMLElement>(null);
  useEffect(() => dialog.current?.focus(), [sale.saleId]);
  return (
    <section className="unresolved" ref={dialog} role="alertdialog" aria-labelledby="unresolved-title" aria-describedby="unresolved-body" tabIndex={-1}>
      <h2 id="unresolved-title">{t.sell.unresolvedTitle}</h2>
      <p className="unresolved-amount" data-testid="unresolved-amount">{formatPaise(sale.amountPaise)}</p>
      <p id="unresolved-body">{t.sell.unresolvedBody}</p>
      <div className="actions">
        <button type="button" className="primary big" disabled={busy} onClick={() => onAnswer(true)}>{t.sell.unresolvedPaid}</button>
        <button type="button" className="big danger" disabled={busy} onClick={() => onAnswer(false)}>{t.sell.unresolvedCancel}</button>
      </div>
      {error && <ErrorBox error={error} />}
    </section>
  );
}
