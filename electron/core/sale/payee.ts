import type { PosError } from '../../contract/errors';
import type { PayeeView } from '../../contract/views';
import type { CurrentSettings } from '../settings';
import { payeeKey } from '../upi';

export interface Payee {
  vpa: string;
  name: string;
}

export type PayeeCheck = { ok: true } | { ok: false; pinned: Payee };

const same = (a: Payee, b: Payee) => payeeKey(a.vpa) === payeeKey(b.vpa) && a.name.trim().toLowerCase() === b.name.trim().toLowerCase();

/**
 * The payee is pinned per BOS account: the first QR's payee (VPA and name) is remembered, and a QR
 * paying anyone else is refused until the owner accepts the new payee in Settings, seeing both.
 * A "BOS" that was tampered with, or a mix-up of accounts, then cannot route a shop's money elsewhere.
 */
export class AccountPayees {
  constructor(
    private readonly settings: CurrentSettings,
    /** Which BOS account QRs come from now: the sandbox, or the live address and registration id. */
    private readonly account: () => string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  check(payee: Payee): PayeeCheck {
    const account = this.account();
    const current = this.settings.get();
    const pinned = current.payees[account];
    if (!pinned) {
      try {
        this.settings.save({ ...current, payees: { ...current.payees, [account]: { ...payee, since: this.clock().toISOString() } } });
      } catch {
        // Not written down: the next QR pins it instead. The journal (written before this) says what was shown.
      }
      return { ok: true };
    }
    if (same(pinned, payee)) return { ok: true };
    try {
      this.settings.save({ ...current, offeredPayee: { account, ...payee, seenAt: this.clock().toISOString() } });
    } catch {
      // The refusal stands whether or not the offer could be kept for the owner to see.
    }
    return { ok: false, pinned: { vpa: pinned.vpa, name: pinned.name } };
  }

  /** The owner accepts the payee BOS last offered for this account (the one named, so a newer offer is not accepted unseen). */
  accept(vpa: string): Payee | null {
    const account = this.account();
    const current = this.settings.get();
    const offered = current.offeredPayee;
    if (!offered || offered.account !== account || payeeKey(offered.vpa) !== payeeKey(vpa)) return null;
    const payee = { vpa: offered.vpa, name: offered.name };
    this.settings.save({ ...current, payees: { ...current.payees, [account]: { ...payee, since: this.clock().toISOString() } }, offeredPayee: null });
    return payee;
  }

  view(): PayeeView {
    const account = this.account();
    const { payees, offeredPayee } = this.settings.get();
    const pinned = payees[account];
    return {
      pinned: pinned ? { vpa: pinned.vpa, name: pinned.name, since: pinned.since } : null,
      offered: offeredPayee && offeredPayee.account === account ? { vpa: offeredPayee.vpa, name: offeredPayee.name, seenAt: offeredPayee.seenAt } : null,
    };
  }
}

/** Why a QR for another payee was not shown, and what the owner can do. */
export function payeeChanged(offered: Payee, pinned: Payee): PosError {
  return {
    code: 'payee_changed',
    message: `BOS made this QR to pay ${offered.name || 'someone'} (${offered.vpa}), not ${pinned.name || 'your shop'} (${pinned.vpa}) as this account's QRs always have. It was not shown. The owner must check it, and accept the new payee in Settings if it is right.`,
  };
}
