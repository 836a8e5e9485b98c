import type { SaleView } from '../../contract/views';
import type { BosQrStatusClient } from '../bos';
import type { EventHub } from '../events';
import type { BosPayment } from './payment-judgement';

export interface StatusWatchDeps {
  client: () => BosQrStatusClient;
  /** Sandbox: on. Live: only once the owner turned it on (BOS confirmed the call for the account). */
  enabled: () => boolean;
  onPaid: (payment: BosPayment) => Promise<void>;
  /** Between two questions about the QR on screen. */
  everyMs?: number;
  /** One more question this long after the QR expired (a payment made in its last seconds). */
  afterExpiryMs?: number;
}

/**
 * The BOS status call as a second source of payment confirmation: while a QR shows, one question
 * at a time, about every three seconds, and once more 30 s after it expires. Only an explicit paid
 * answer for the same amount counts; anything else means keep waiting (the cashier can still mark it).
 */
export class StatusWatch {
  private watched: { saleId: string; txnRef: string; qrId: string; amountPaise: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private asking = false;

  constructor(private readonly deps: StatusWatchDeps) {}

  /** True while BOS's answer about the QR on screen is being watched for. */
  active(): boolean {
    return this.watched !== null && this.deps.enabled();
  }

  /** Follows the sale on screen: starts on a shown QR, stops when it ends, asks once more after an expiry. */
  follow(view: SaleView | null): void {
    if (view?.state === 'showing' && view.qr) {
      if (this.watched?.saleId === view.saleId) return;
      this.watched = { saleId: view.saleId, txnRef: view.qr.txnRef, qrId: view.qr.qrId, amountPaise: view.amountPaise };
      this.schedule(this.deps.everyMs ?? 3_000);
      return;
    }
    const watched = this.watched;
    if (watched && view?.saleId === watched.saleId && view.state === 'expired') {
      this.schedule(this.deps.afterExpiryMs ?? 30_000, true);
      return;
    }
    if (!watched || view?.saleId !== watched.saleId || view.state !== 'expired') this.stop();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watched = null;
  }

  private schedule(delayMs: number, last = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.ask(last), delayMs);
    this.timer.unref?.();
  }

  private async ask(last: boolean): Promise<void> {
    const watched = this.watched;
    if (!watched || !this.deps.enabled()) return;
    if (this.asking) return this.schedule(500, last); // one question at a time: ask again once the one in flight is answered
    this.asking = true;
    try {
      const answer = await this.deps.client().checkQrStatus({ txnRefranceID: watched.txnRef, amountPaise: watched.amountPaise });
      if (this.watched !== watched) return;
      if (answer.state === 'paid' && answer.amountPaise === watched.amountPaise) {
        this.stop();
        await this.deps.onPaid({
          paymentId: `status:${watched.txnRef}`, saleId: watched.saleId, qrId: watched.qrId, amountPaise: answer.amountPaise, currency: 'INR',
          utr: answer.utr ?? null, payerVpa: answer.payerVpa ?? null, via: 'status',
        });
        return;
      }
      if (last) this.stop();
      else this.schedule(this.deps.everyMs ?? 3_000);
    } finally {
      this.asking = false;
    }
  }
}

/** The status call follows the sale on screen through the app's own sale events. */
export function watchQrStatus(events: EventHub, deps: StatusWatchDeps): StatusWatch {
  const watch = new StatusWatch(deps);
  events.subscribe((event, payload) => event === 'sale.changed' && watch.follow(payload as SaleView | null));
  return watch;
}
