import type { PosResult } from '../../contract/errors';
import type { LatePaymentView, SaleView } from '../../contract/views';
import { formatPaise } from '../../contract/money';
import { err, ok } from '../../contract/result';
import { judgePayment, paymentView, type BosPayment } from './bos-payment';
import type { SaleBoard } from './open-sales';
import { remainingMs, type Sale } from './record';
import { counterTime, type MarkPaidOverride } from './recorded-utrs';

export interface MarkPaidInput {
  utr?: string | undefined;
  /** Warnings the person has seen and answered "mark paid anyway". */
  overrides?: readonly MarkPaidOverride[] | undefined;
}

/**
 * How a sale becomes paid: BOS said so (a payment checked against the sale's QR, amount and
 * currency), or a person marked it, with the record saying which. A payment BOS reports that is not
 * taken as paid (another amount, a sale already over) is shown to a person and never dropped.
 */
export class SalePaying {
  constructor(private readonly board: SaleBoard) {}

  async markPaid(saleId: string, input: MarkPaidInput): Promise<PosResult<SaleView>> {
    const { board } = this;
    const found = board.find(saleId);
    if (!found.ok) return found;
    const sale = found.value;
    // Late payments happen: a customer may pay an expired QR, so paid-after-expiry is allowed and recorded.
    if (sale.state !== 'showing' && sale.state !== 'expired' && sale.state !== 'unresolved') return board.notOpen(sale);
    const unconfirmedOk = input.overrides?.includes('not_confirmed') === true;
    if (board.deps.confirmationExpected?.() && !unconfirmedOk) {
      return err({ code: 'not_confirmed', message: 'BOS has not confirmed this payment. Check the customer\'s phone and your UPI app before marking it paid anyway.' });
    }
    return this.payByHand(sale, input, {}, board.deps.confirmationExpected?.() ? ['not_confirmed'] : []);
  }

  /** "The customer paid after all": a cancelled or expired sale of this session or the restore window, marked paid, on record as such. */
  async markPaidLate(saleId: string, input: MarkPaidInput): Promise<PosResult<SaleView>> {
    const { board } = this;
    const sale = board.lookup(saleId);
    if (!sale || (sale.state !== 'cancelled' && sale.state !== 'expired') || (sale === board.sale && board.isOpen(sale))) {
      return err({ code: 'not_found', message: 'That sale is not one this counter can still mark paid (already paid, older than a week, or from another counter).' });
    }
    const late = board.ledger.lateFor(saleId);
    // BOS reported the money for it: keeping it is BOS-confirmed, with BOS's UTR.
    if (late && late.amountPaise === sale.amountPaise) return this.payFromBos(sale, { ...late, saleId, qrId: null, currency: 'INR' }, { late: true });
    return this.payByHand(sale, input, sale.state === 'cancelled' ? { afterCancel: true } : {});
  }

  /** A late payment the shop gave back to the customer instead of keeping: off the list, on record. */
  async settleLateRefunded(saleId: string): Promise<PosResult<LatePaymentView[]>> {
    const { board } = this;
    const late = board.ledger.lateFor(saleId);
    if (!late) return err({ code: 'not_found', message: 'There is no open late payment for that sale.' });
    await board.record('sale.override', { saleId, amountPaise: late.saleAmountPaise, reason: 'late_payment_refunded', paymentId: late.paymentId, reportedPaise: late.amountPaise });
    board.ledger.settleLate(saleId);
    board.lateChanged();
    return ok(board.ledger.latePayments());
  }

  /** BOS said a payment arrived for one of this counter's sales. A payment id seen before changes nothing. */
  async applyBosPayment(payment: BosPayment): Promise<void> {
    const { board } = this;
    if (!board.ledger.firstSight(payment.paymentId)) return;
    const sale = board.lookup(payment.saleId);
    const data = { saleId: payment.saleId, paymentId: payment.paymentId, reportedPaise: payment.amountPaise, currency: payment.currency, utr: payment.utr, payerVpa: payment.payerVpa, via: payment.via };
    if (!sale) {
      await board.record('sale.payment_reported', { ...data, reason: 'unknown_sale' });
      return;
    }
    const judgement = judgePayment(sale, payment, sale === board.sale);
    if (judgement.kind === 'confirm') {
      await this.payFromBos(sale, payment, {});
      return;
    }
    if (judgement.kind === 'already_paid' && sale.confirmedBy === 'bos') return; // the other source said so first
    if (judgement.kind === 'already_paid') {
      sale.confirmedBy = 'bos';
      sale.payment = paymentView(payment, board.wallNow());
      await board.record('sale.payment_confirmed', { ...this.paymentData(sale, payment), afterPaid: true });
      board.emit();
      return;
    }
    if (judgement.kind === 'ignore') {
      await board.record('sale.payment_reported', { ...data, saleAmountPaise: sale.amountPaise, reason: 'ignored', why: judgement.why });
      return;
    }
    const reported = { ...paymentView(payment, board.wallNow()), reason: judgement.reason };
    await board.record('sale.payment_reported', { ...data, saleAmountPaise: sale.amountPaise, reason: judgement.reason });
    sale.reported = reported;
    // Another amount for the QR on screen is the cashier's call there and then; anything about a sale that is over goes on the late list.
    if (!(judgement.reason === 'other_amount' && sale === board.sale && sale.state === 'showing')) {
      board.ledger.addLate({ ...reported, saleId: sale.id, saleAmountPaise: sale.amountPaise, requestedAt: sale.requestedAt });
      board.lateChanged();
    }
    board.emit();
  }

  private async payFromBos(sale: Sale, payment: BosPayment, extra: { late?: true }): Promise<PosResult<SaleView>> {
    const { board } = this;
    const wasCancelled = sale.state === 'cancelled';
    const afterRestart = board.settleUnresolved(sale);
    board.takeOnScreen(sale);
    sale.confirmedBy = 'bos';
    sale.payment = paymentView(payment, board.wallNow());
    sale.reported = null;
    this.settle(sale, payment.utr, { afterExpiry: sale.state === 'expired', afterCancel: wasCancelled });
    await board.record('sale.payment_confirmed', { ...this.paymentData(sale, payment), afterExpiry: sale.paidAfterExpiry, ...(wasCancelled ? { afterCancel: true } : {}), ...(afterRestart ? { afterRestart } : {}), ...extra });
    if (board.ledger.settleLate(sale.id)) board.lateChanged();
    board.emit();
    return ok(board.view(sale));
  }

  /** `overridden`: warnings already answered "anyway" before this point, journaled with the payment. */
  private async payByHand(sale: Sale, input: MarkPaidInput, extra: { afterCancel?: true }, overridden: MarkPaidOverride[] = []): Promise<PosResult<SaleView>> {
    const { board } = this;
    const utr = input.utr ?? null;
    const earlier = utr ? board.ledger.utrs.earlierUse(utr, sale.id) : null;
    if (earlier && !input.overrides?.includes('utr_reused')) {
      return err({
        code: 'utr_reused',
        message: `This UPI reference (UTR) was already recorded for a ${formatPaise(earlier.amountPaise)} sale rung up at ${counterTime(earlier.at)}. An old success screen may have been shown again: check the payment before marking this sale paid.`,
        related: earlier,
      });
    }
    for (const reason of overridden) await board.record('sale.override', { saleId: sale.id, amountPaise: sale.amountPaise, reason });
    if (earlier) await board.record('sale.override', { saleId: sale.id, amountPaise: sale.amountPaise, reason: 'utr_reused', utr, earlierSaleId: earlier.saleId });
    const afterRestart = board.settleUnresolved(sale);
    const afterExpiry = sale.state === 'expired' || (!afterRestart && !extra.afterCancel && remainingMs(sale, board.deps.now()) === 0);
    board.takeOnScreen(sale);
    sale.confirmedBy = 'person';
    this.settle(sale, utr, { afterExpiry, afterCancel: extra.afterCancel === true });
    await board.record('sale.paid', { saleId: sale.id, amountPaise: sale.amountPaise, utr, afterExpiry, txnRef: sale.reference?.txnRef, ...(afterRestart ? { afterRestart } : {}), ...extra });
    if (board.ledger.settleLate(sale.id)) board.lateChanged();
    board.emit();
    return ok(board.view(sale));
  }

  private settle(sale: Sale, utr: string | null, how: { afterExpiry: boolean; afterCancel: boolean }): void {
    sale.utr = utr;
    sale.paidAt = this.board.wallNow();
    sale.paidAfterExpiry = how.afterExpiry;
    sale.paidAfterCancel = how.afterCancel;
    this.board.finish(sale, 'paid');
    if (utr) this.board.ledger.utrs.record(utr, { saleId: sale.id, amountPaise: sale.amountPaise, at: sale.requestedAt });
  }

  private paymentData(sale: Sale, payment: BosPayment): Record<string, unknown> {
    return { saleId: sale.id, amountPaise: sale.amountPaise, paymentId: payment.paymentId, utr: payment.utr, payerVpa: payment.payerVpa, via: payment.via, txnRef: sale.reference?.txnRef };
  }
}
