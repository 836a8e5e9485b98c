import type { HistoryRow, SaleHistoryRow } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { language, t } from '../../i18n';

function stateText(row: HistoryRow): string {
  return row.kind === 'sale' ? t.history.saleStates[row.state] : t.history.refundStates[row.state];
}

/** Who said a paid sale was paid: BOS's own payment, or a person. Icon and words, never colour alone. */
function ConfirmedBy({ row }: { row: SaleHistoryRow }) {
  if (row.state !== 'paid' || !row.confirmedBy) return null;
  const bos = row.confirmedBy === 'bos';
  return (
    <div className={bos ? 'confirmed-by confirmed-bos' : 'confirmed-by confirmed-hand'} data-testid="confirmed-by">
      <span className="confirmed-icon" aria-hidden="true">{bos ? '✓' : '✍'}</span> {bos ? t.history.confirmedByBos : t.history.markedByHand}
    </div>
  );
}

/**
 * Why a row was refused, and what to do about it. Main's and BOS's own words are English: they are
 * marked so, and in another language a sentence for the error's code comes first.
 */
function Refusal({ row }: { row: HistoryRow }) {
  if (!row.note && !row.nextStep) return null;
  const byCode = t.errors.byCode as Record<string, string | undefined>;
  const translated = language() !== 'en' && row.noteCode ? byCode[row.noteCode] : undefined;
  const bosMessage = row.kind === 'sale' ? row.bosMessage : null;
  const bosCode = row.kind === 'sale' ? row.bosCode : null;
  return (
    <div className="row-refusal">
      {translated && <div className="row-note">{translated}</div>}
      {row.note && <div className="row-note" lang="en-IN">{row.note}</div>}
      {bosMessage && (
        <div className="row-bos-said" data-testid="bos-said">
          {t.errors.bosSaid} <span lang="en-IN">{bosMessage}</span>
          {bosCode && <> {t.errors.code(bosCode)}</>}
        </div>
      )}
      {row.nextStep && (
        <div className="row-next-step" data-testid="next-step">
          <strong>{t.history.nextStepLabel}</strong> {t.history.nextSteps[row.nextStep]}
        </div>
      )}
    </div>
  );
}

/** The State cell: the state in words, how it was paid, what arrived late, why it was refused. */
export function RowState({ row }: { row: HistoryRow }) {
  return (
    <>
      <span className="state-tag">{stateText(row)}</span>
      {row.kind === 'sale' && row.paidAfterExpiry && <span className="late-tag"> · {t.history.paidLateTag}</span>}
      {row.kind === 'sale' && row.paidAfterCancel && <span className="late-tag"> · {t.history.paidAfterCancelTag}</span>}
      {row.kind === 'sale' && <ConfirmedBy row={row} />}
      {row.kind === 'sale' && row.latePayment && (
        <div className="late-payment" role="note" data-testid="late-payment">
          {t.history.latePayment[row.latePayment.reason](formatPaise(row.latePayment.amountPaise))}
        </div>
      )}
      <Refusal row={row} />
    </>
  );
}
