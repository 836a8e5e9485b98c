import { toPosError, type DynamicQr } from '../bos';
import type { PosError, PosResult } from '../../contract/errors';
import type { LatePaymentView, SaleView } from '../../contract/views';
import { err, ok } from '../../contract/result';
import type { BosPayment } from './bos-payment';
import type { FoldedSale, JournalEvent } from '../journal';
import { SaleBoard, type SaleDeskDeps } from './open-sales';
import { SalePaying, type MarkPaidInput } from './paying';
import { newSale, referenceOf, remainingMs, type Sale } from './record';
import { intentTr } from '../upi';
import { notSaved } from '../storage-errors';

export type { SaleDeskDeps } from './open-sales';

/** What History needs to know of the sales in memory: which rows a person can still answer, and how. */
export interface ResolvableSales {
  /** The sale on screen now, while it is open. */
  liveSaleId: string | null;
  /** Sales a person can still answer paid or cancelled. */
  ids: Set<string>;
  /** Ended sales that can still be marked paid after all. */
  paidLate: Set<string>;
}
export type { MarkPaidInput } from './paying';

/**
 * One sale at a time per terminal: creating → showing → paid | cancelled | expired, or failed.
 * A BOS answer that arrives after the sale was cancelled is journaled and never shown. Paying (by
 * hand or from BOS) is SalePaying's; both work on the same SaleBoard.
 */
export class SaleDesk {
  private readonly board: SaleBoard;
  private readonly paying: SalePaying;

  constructor(deps: SaleDeskDeps) {
    this.board = new SaleBoard(deps);
    this.paying = new SalePaying(this.board);
  }

  get journalFailures(): number {
    return this.board.journalFailures;
  }

  /** The sale that still needs the cashier (creating, showing, or unresolved from before a restart), if any. */
  active(): SaleView | null {
    return this.board.active();
  }

  /** The QR on screen now (for the status call), if any. */
  showing(): { view: SaleView; qr: DynamicQr } | null {
    const { sale } = this.board;
    return sale?.state === 'showing' && sale.qr ? { view: this.board.view(sale), qr: sale.qr } : null;
  }

  /** Sales a person can still answer paid or cancelled, which one is on screen now, and the ended ones that can still be paid after all. */
  resolvable(): ResolvableSales {
    const { sale, unresolved, ledger } = this.board;
    const live = sale && sale.state !== 'paid' && sale.state !== 'cancelled' && sale.state !== 'failed' ? sale : null;
    const ids = new Set(unresolved.map((s) => s.id));
    if (live) ids.add(live.id);
    const paidLate = ledger.latePayable();
    if (sale && (sale.state === 'cancelled' || sale.state === 'expired') && !live) paidLate.add(sale.id);
    if (live) paidLate.delete(live.id);
    return { liveSaleId: live && this.board.isOpen(live) ? live.id : null, ids, paidLate };
  }

  latePayments(): LatePaymentView[] {
    return this.board.ledger.latePayments();
  }

  /** Takes the restore window's sales: open ones come back unresolved (never silently expired); the rest are remembered. */
  restore(sales: readonly FoldedSale[], events: readonly JournalEvent[] = []): void {
    this.board.ledger.restore(sales, events);
    for (const s of sales) {
      if (s.state !== 'showing' && s.state !== 'creating') continue;
      const sale: Sale = { ...newSale(s.saleId, s.amountPaise, s.requestedAt), state: 'unresolved', qrId: s.qrId };
      if (s.txnRef) sale.reference = { txnRef: s.txnRef, payeeName: s.payeeName ?? '', payeeVpa: s.payeeVpa ?? '' };
      this.board.unresolved.push(sale);
    }
  }

  async create(amountPaise: number): Promise<PosResult<SaleView>> {
    const { board } = this;
    if (board.sale && board.isOpen(board.sale)) {
      return err({ code: 'busy', message: 'A QR is already on screen. Mark it paid or cancel it first.' });
    }
    if (board.unresolved.length > 0) {
      return err({ code: 'busy', message: 'A sale from before Counter closed needs an answer first: did the customer pay?' });
    }
    const sale = newSale(board.deps.newId(), amountPaise, board.wallNow());
    board.replaceOnScreen(sale);
    try {
      await board.deps.journal.append('sale.requested', { saleId: sale.id, amountPaise });
    } catch (error) {
      sale.state = 'failed';
      sale.error = notSaved(error, 'No QR was requested.');
      board.emit();
      return err(sale.error);
    }
    // Cancelled while the request was being written down: BOS is not asked at all.
    if (board.sale !== sale || sale.state !== 'creating') return ok(board.view(sale));
    board.emit();

    const answer = await board.deps.client().createDynamicQr({ amountPaise });
    const stillWanted = board.sale === sale && sale.state === 'creating';
    if (!answer.ok) return this.refused(sale, toPosError(answer.error), stillWanted, answer.error.reason ? { reason: answer.error.reason } : {});
    const qr = answer.value;
    const payee = board.deps.checkPayee?.({ vpa: qr.payeeVpa, name: qr.payeeName }) ?? { ok: true };
    if (!payee.ok) return this.refused(sale, payeeChanged(qr, payee.pinned), stillWanted, { payeeVpa: qr.payeeVpa, payeeName: qr.payeeName, qrId: qr.qrId });
    await board.record(stillWanted ? 'sale.qr_issued' : 'sale.late_answer', {
      saleId: sale.id, amountPaise, qrId: qr.qrId, txnRef: qr.txnRefranceID, tr: intentTr(qr.intent), ttlMs: qr.ttlMs, expiresAt: qr.expiresAt, payeeVpa: qr.payeeVpa, payeeName: qr.payeeName,
    });
    if (!stillWanted) return ok(board.view(sale));
    sale.qr = qr;
    sale.qrId = qr.qrId;
    sale.reference = referenceOf(qr);
    sale.state = 'showing';
    this.scheduleExpiry(sale);
    board.emit();
    board.deps.onQrShown?.(board.view(sale), qr);
    return ok(board.view(sale));
  }

  async cancel(saleId: string): Promise<PosResult<SaleView>> {
    const { board } = this;
    const found = board.find(saleId);
    if (!found.ok) return found;
    const sale = found.value;
    if (!board.isOpen(sale) && sale.state !== 'unresolved') return board.notOpen(sale);
    const afterRestart = board.settleUnresolved(sale);
    board.finish(sale, 'cancelled');
    await board.record('sale.cancelled', { saleId, amountPaise: sale.amountPaise, ...(afterRestart ? { afterRestart } : {}) });
    board.emit();
    return ok(board.view(sale));
  }

  markPaid(saleId: string, input: MarkPaidInput = {}): Promise<PosResult<SaleView>> {
    return this.paying.markPaid(saleId, input);
  }

  /** "The customer paid after all": a cancelled or expired sale (this session or the restore window), on record as such. */
  markPaidLate(saleId: string, input: MarkPaidInput = {}): Promise<PosResult<SaleView>> {
    return this.paying.markPaidLate(saleId, input);
  }

  settleLateRefunded(saleId: string): Promise<PosResult<LatePaymentView[]>> {
    return this.paying.settleLateRefunded(saleId);
  }

  /** BOS said a payment arrived for one of this counter's sales: checked (QR, amount, currency) before anything is paid. */
  applyBosPayment(payment: BosPayment): Promise<void> {
    return this.paying.applyBosPayment(payment);
  }

  dispose(): void {
    if (this.board.sale?.expiryTimer) clearTimeout(this.board.sale.expiryTimer);
  }

  private async refused(sale: Sale, error: PosError, stillWanted: boolean, extra: Record<string, unknown> = {}): Promise<PosResult<SaleView>> {
    const { board } = this;
    await board.record('sale.qr_refused', { saleId: sale.id, amountPaise: sale.amountPaise, code: error.code, message: error.message, bosCode: error.bosCode, bosMessage: error.bosMessage, late: !stillWanted, ...extra });
    if (!stillWanted) return ok(board.view(sale));
    sale.state = 'failed';
    sale.error = error;
    board.emit();
    return err(error);
  }

  private scheduleExpiry(sale: Sale): void {
    const { board } = this;
    sale.expiryTimer = setTimeout(() => {
      if (sale.state !== 'showing') return;
      board.finish(sale, 'expired');
      board.emit();
      void board.record('sale.expired', { saleId: sale.id, amountPaise: sale.amountPaise });
    }, remainingMs(sale, board.deps.now()));
    sale.expiryTimer.unref?.();
  }
}

function payeeChanged(qr: DynamicQr, pinned: { vpa: string; name: string }): PosError {
  return {
    code: 'payee_changed',
    message: `BOS made this QR to pay ${qr.payeeName || 'someone'} (${qr.payeeVpa}), not ${pinned.name || 'your shop'} (${pinned.vpa}) as this account's QRs always have. It was not shown. The owner must check it, and accept the new payee in Settings if it is right.`,
  };
}
