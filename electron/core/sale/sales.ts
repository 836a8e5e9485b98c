import type { PosError, PosResult } from '../../contract/errors';
import type { LatePaymentView, SaleView } from '../../contract/views';
import { err, ok } from '../../contract/result';
import { toPosError, type BosClient, type DynamicQr } from '../bos';
import type { FoldedSale, Journal, JournalEvent, JournalEventType } from '../journal';
import { notSaved } from '../storage-errors';
import { intentTr } from '../upi';
import { NOT_CONFIRMED, utrReused, type MarkPaidInput, type MarkPaidOverride } from './hand-mark';
import { HeldSales, type ResolvableSales } from './held-sales';
import { LatePayments } from './late-payments';
import { payeeChanged, type PayeeCheck } from './payee';
import { judgePayment, paymentView, type BosPayment } from './payment-judgement';
import { RecordedUtrs } from './recorded-utrs';
import { confirmPaidSale, endSale, failSale, isOpen, newSale, paySale, remainingMs, reportPayment, showQr, type PaidHow, type Sale } from './record';

export interface SalesDeps {
  client: () => BosClient;
  journal: Journal;
  /** Monotonic milliseconds: expiry is timed by elapsed time, never by the PC's calendar clock. */
  now: () => number;
  newId: () => string;
  onChange: (view: SaleView | null) => void;
  /** Is this QR's payee the one this account's QRs pay? (AccountPayees.) Absent: any payee. */
  checkPayee?: (payee: { vpa: string; name: string }) => PayeeCheck;
  /** The late payments waiting for a person changed. */
  onLateChange?: (late: LatePaymentView[]) => void;
  /** True while BOS's own confirmation can be expected (a hub connected): a hand mark then asks once. */
  confirmationExpected?: () => boolean;
  /** Wall-clock time, for people (when a sale was rung up, when it was paid). */
  wallClock?: () => Date;
}

/**
 * The sales of one counter, one at a time: creating → showing → paid | cancelled | expired, or
 * failed. A BOS answer that arrives after the sale was cancelled is journaled and never shown. A sale
 * becomes paid because BOS said so (its payment checked by judgePayment) or a person marked it, and
 * the record says which; money BOS reports that cannot be taken as paid goes to a person, never dropped.
 */
export class Sales {
  private readonly held: HeldSales;
  private readonly late: LatePayments;
  private readonly utrs = new RecordedUtrs();
  /** BOS payment ids already taken: a webhook is delivered more than once, and two sources report one payment. */
  private readonly seenPayments = new Set<string>();
  /** Outcomes that happened but could not be written down. */
  private unrecorded = 0;

  constructor(private readonly deps: SalesDeps) {
    this.held = new HeldSales({ now: deps.now, onChange: deps.onChange });
    this.late = new LatePayments(deps.onLateChange);
  }

  get journalFailures(): number {
    return this.unrecorded;
  }

  active(): SaleView | null {
    return this.held.active();
  }

  /** The QR on screen now (for the sandbox's customer), if any. */
  showing(): { view: SaleView; qr: DynamicQr } | null {
    const sale = this.held.onScreen();
    return sale?.state === 'showing' && sale.qr ? { view: this.held.view(sale), qr: sale.qr } : null;
  }

  resolvable(): ResolvableSales {
    return this.held.resolvable();
  }

  latePayments(): LatePaymentView[] {
    return this.late.list();
  }

  /** The restore window: open sales come back unresolved, with the UTRs, payment ids and late payments on record. */
  restore(sales: readonly FoldedSale[], events: readonly JournalEvent[] = []): void {
    this.held.restore(sales);
    this.utrs.restore(sales);
    this.late.restore(events, (saleId) => this.held.lookup(saleId));
    for (const event of events) if (typeof event.data.paymentId === 'string') this.seenPayments.add(event.data.paymentId);
  }

  async create(amountPaise: number): Promise<PosResult<SaleView>> {
    const { held } = this;
    if (held.busy()) return err({ code: 'busy', message: 'A QR is already on screen. Mark it paid or cancel it first.' });
    if (held.hasUnresolved()) return err({ code: 'busy', message: 'A sale from before Counter closed needs an answer first: did the customer pay?' });
    const sale = newSale(this.deps.newId(), amountPaise, this.wallNow());
    held.putOnScreen(sale);
    try {
      await this.deps.journal.append('sale.requested', { saleId: sale.id, amountPaise });
    } catch (error) {
      const notRequested = notSaved(error, 'No QR was requested.');
      failSale(sale, notRequested);
      held.changed();
      return err(notRequested);
    }
    // Cancelled while the request was being written down: BOS is not asked at all.
    const wanted = () => held.onScreen() === sale && sale.state === 'creating';
    if (!wanted()) return ok(held.view(sale));
    held.changed();

    const answer = await this.deps.client().createDynamicQr({ amountPaise });
    const stillWanted = wanted();
    if (!answer.ok) return this.refused(sale, toPosError(answer.error), stillWanted, answer.error.reason ? { reason: answer.error.reason } : {});
    const qr = answer.value;
    const offered = { vpa: qr.payeeVpa, name: qr.payeeName };
    const payee = this.deps.checkPayee?.(offered) ?? { ok: true };
    if (!payee.ok) return this.refused(sale, payeeChanged(offered, payee.pinned), stillWanted, { payeeVpa: qr.payeeVpa, payeeName: qr.payeeName, qrId: qr.qrId });
    await this.record(stillWanted ? 'sale.qr_issued' : 'sale.late_answer', {
      saleId: sale.id, amountPaise, qrId: qr.qrId, txnRef: qr.txnRefranceID, tr: intentTr(qr.intent), ttlMs: qr.ttlMs, expiresAt: qr.expiresAt, payeeVpa: qr.payeeVpa, payeeName: qr.payeeName,
    });
    if (!stillWanted) return ok(held.view(sale));
    showQr(sale, qr, this.deps.now(), () => void this.expire(sale));
    held.changed();
    return ok(held.view(sale));
  }

  async cancel(saleId: string): Promise<PosResult<SaleView>> {
    const found = this.held.find(saleId);
    if (!found.ok) return found;
    const sale = found.value;
    if (!isOpen(sale) && sale.state !== 'unresolved') return notOpen(sale);
    const afterRestart = this.held.settleUnresolved(sale);
    endSale(sale, 'cancelled');
    await this.record('sale.cancelled', { saleId, amountPaise: sale.amountPaise, ...(afterRestart ? { afterRestart } : {}) });
    this.held.changed();
    return ok(this.held.view(sale));
  }

  async markPaid(saleId: string, input: MarkPaidInput = {}): Promise<PosResult<SaleView>> {
    const found = this.held.find(saleId);
    if (!found.ok) return found;
    const sale = found.value;
    // Late payments happen: a customer may pay an expired QR, so paid-after-expiry is allowed and recorded.
    if (sale.state !== 'showing' && sale.state !== 'expired' && sale.state !== 'unresolved') return notOpen(sale);
    const expected = this.deps.confirmationExpected?.() === true;
    if (expected && !input.overrides?.includes('not_confirmed')) return err(NOT_CONFIRMED);
    return this.payByHand(sale, input, {}, expected ? ['not_confirmed'] : []);
  }

  /** "The customer paid after all": a cancelled or expired sale of this session or the restore window, marked paid, on record as such. */
  async markPaidLate(saleId: string, input: MarkPaidInput = {}): Promise<PosResult<SaleView>> {
    const sale = this.held.lookup(saleId);
    if (!sale || (sale.state !== 'cancelled' && sale.state !== 'expired') || (sale === this.held.onScreen() && isOpen(sale))) {
      return err({ code: 'not_found', message: 'That sale is not one this counter can still mark paid (already paid, older than a week, or from another counter).' });
    }
    const late = this.late.of(saleId);
    // BOS reported the money for it: keeping it is BOS-confirmed, with BOS's UTR.
    if (late && late.amountPaise === sale.amountPaise) return this.payFromBos(sale, { ...late, saleId, qrId: null, currency: 'INR' }, { late: true });
    return this.payByHand(sale, input, sale.state === 'cancelled' ? { afterCancel: true } : {});
  }

  /** A late payment the shop gave back to the customer instead of keeping: off the list, on record. */
  async settleLateRefunded(saleId: string): Promise<PosResult<LatePaymentView[]>> {
    const late = this.late.of(saleId);
    if (!late) return err({ code: 'not_found', message: 'There is no open late payment for that sale.' });
    await this.record('sale.override', { saleId, amountPaise: late.saleAmountPaise, reason: 'late_payment_refunded', paymentId: late.paymentId, reportedPaise: late.amountPaise });
    this.late.settle(saleId);
    return ok(this.late.list());
  }

  /** BOS said a payment arrived for one of this counter's sales (the hub's push, or the status call). A payment id seen before changes nothing. */
  async applyBosPayment(payment: BosPayment): Promise<void> {
    if (this.seenPayments.has(payment.paymentId)) return;
    this.seenPayments.add(payment.paymentId);
    const sale = this.held.lookup(payment.saleId);
    const data = { saleId: payment.saleId, paymentId: payment.paymentId, reportedPaise: payment.amountPaise, currency: payment.currency, utr: payment.utr, payerVpa: payment.payerVpa, via: payment.via };
    if (!sale) return this.record('sale.payment_reported', { ...data, reason: 'unknown_sale' });
    const judgement = judgePayment(sale, payment, sale === this.held.onScreen());
    switch (judgement.kind) {
      case 'confirm':
        await this.payFromBos(sale, payment, {});
        return;
      case 'already_paid':
        if (sale.confirmedBy === 'bos') return; // the other source said so first
        confirmPaidSale(sale, paymentView(payment, this.wallNow()));
        await this.record('sale.payment_confirmed', { ...paymentData(sale, payment), afterPaid: true });
        this.held.changed();
        return;
      case 'ignore':
        return this.record('sale.payment_reported', { ...data, saleAmountPaise: sale.amountPaise, reason: 'ignored', why: judgement.why });
      case 'report': {
        const reported = { ...paymentView(payment, this.wallNow()), reason: judgement.reason };
        await this.record('sale.payment_reported', { ...data, saleAmountPaise: sale.amountPaise, reason: judgement.reason });
        reportPayment(sale, reported);
        // Another amount for the QR on screen is the cashier's call there and then; anything about a sale that is over goes on the late list.
        if (!(judgement.reason === 'other_amount' && sale === this.held.onScreen() && sale.state === 'showing')) {
          this.late.add({ ...reported, saleId: sale.id, saleAmountPaise: sale.amountPaise, requestedAt: sale.requestedAt });
        }
        this.held.changed();
      }
    }
  }

  dispose(): void {
    this.held.dispose();
  }

  private async expire(sale: Sale): Promise<void> {
    if (sale.state !== 'showing') return;
    endSale(sale, 'expired');
    this.held.changed();
    await this.record('sale.expired', { saleId: sale.id, amountPaise: sale.amountPaise });
  }

  private async refused(sale: Sale, error: PosError, stillWanted: boolean, extra: Record<string, unknown> = {}): Promise<PosResult<SaleView>> {
    await this.record('sale.qr_refused', { saleId: sale.id, amountPaise: sale.amountPaise, code: error.code, message: error.message, bosCode: error.bosCode, bosMessage: error.bosMessage, late: !stillWanted, ...extra });
    if (!stillWanted) return ok(this.held.view(sale));
    failSale(sale, error);
    this.held.changed();
    return err(error);
  }

  private async payFromBos(sale: Sale, payment: BosPayment, extra: { late?: true }): Promise<PosResult<SaleView>> {
    const afterCancel = sale.state === 'cancelled';
    const afterRestart = this.held.settleUnresolved(sale);
    this.held.takeOnScreen(sale);
    this.paid(sale, { confirmedBy: 'bos', payment: paymentView(payment, this.wallNow()), utr: payment.utr, afterExpiry: sale.state === 'expired', afterCancel });
    await this.record('sale.payment_confirmed', { ...paymentData(sale, payment), afterExpiry: sale.paidAfterExpiry, ...(afterCancel ? { afterCancel } : {}), ...(afterRestart ? { afterRestart } : {}), ...extra });
    this.late.settle(sale.id);
    this.held.changed();
    return ok(this.held.view(sale));
  }

  /** `overridden`: warnings already answered "anyway" before this point, journaled with the payment. */
  private async payByHand(sale: Sale, input: MarkPaidInput, extra: { afterCancel?: true }, overridden: MarkPaidOverride[] = []): Promise<PosResult<SaleView>> {
    const utr = input.utr ?? null;
    const earlier = utr ? this.utrs.earlierUse(utr, sale.id) : null;
    if (earlier && !input.overrides?.includes('utr_reused')) return err(utrReused(earlier));
    for (const reason of overridden) await this.record('sale.override', { saleId: sale.id, amountPaise: sale.amountPaise, reason });
    if (earlier) await this.record('sale.override', { saleId: sale.id, amountPaise: sale.amountPaise, reason: 'utr_reused', utr, earlierSaleId: earlier.saleId });
    const afterRestart = this.held.settleUnresolved(sale);
    const afterExpiry = sale.state === 'expired' || (!afterRestart && !extra.afterCancel && remainingMs(sale, this.deps.now()) === 0);
    this.held.takeOnScreen(sale);
    this.paid(sale, { confirmedBy: 'person', payment: null, utr, afterExpiry, afterCancel: extra.afterCancel === true });
    await this.record('sale.paid', { saleId: sale.id, amountPaise: sale.amountPaise, utr, afterExpiry, txnRef: sale.reference?.txnRef, ...(afterRestart ? { afterRestart } : {}), ...extra });
    this.late.settle(sale.id);
    this.held.changed();
    return ok(this.held.view(sale));
  }

  private paid(sale: Sale, how: Omit<PaidHow, 'paidAt'>): void {
    paySale(sale, { ...how, paidAt: this.wallNow() });
    if (how.utr) this.utrs.record(how.utr, { saleId: sale.id, amountPaise: sale.amountPaise, at: sale.requestedAt });
  }

  /** Journals an outcome. A failed write after the fact must not hide the outcome from the cashier. */
  private async record(type: JournalEventType, data: Record<string, unknown>): Promise<void> {
    try {
      await this.deps.journal.append(type, data);
    } catch {
      // The outcome stands (the customer may have paid); not being able to write it is counted, not hidden.
      this.unrecorded += 1;
    }
  }

  private wallNow(): string {
    return (this.deps.wallClock?.() ?? new Date()).toISOString();
  }
}

function notOpen(sale: Sale): PosResult<never> {
  return err({ code: 'not_allowed', message: `This sale is already ${sale.state}.` });
}

function paymentData(sale: Sale, payment: BosPayment): Record<string, unknown> {
  return { saleId: sale.id, amountPaise: sale.amountPaise, paymentId: payment.paymentId, utr: payment.utr, payerVpa: payment.payerVpa, via: payment.via, txnRef: sale.reference?.txnRef };
}
