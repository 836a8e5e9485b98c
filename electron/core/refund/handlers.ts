import { err, ok } from '../../contract/result';
import type { BosLink } from '../bos';
import type { HandlersFor } from '../dispatch';
import type { Refunds } from './refunds';

/** Leading zeros as typed are not part of the number BOS (and the sandbox) know the transfer by. */
const asNumber = (digits: string) => digits.replace(/^0+(?=\d)/, '');

export interface RefundParts {
  refunds: Refunds;
  /** The embedded sandbox shows the OTP it sent, in training. */
  bos: Pick<BosLink, 'sandbox' | 'isSandbox'>;
}

export function refundHandlers({ refunds, bos }: RefundParts): HandlersFor<'refund.requestOtp' | 'refund.claim' | 'refund.sandboxOtp'> {
  return {
    'refund.requestOtp': async (input) => refunds.requestOtp(input),
    'refund.claim': async (input) => refunds.claim(input),
    'refund.sandboxOtp': async ({ referenceId, ackNo }) => {
      const sandbox = bos.sandbox();
      if (!sandbox || !bos.isSandbox()) return err({ code: 'not_allowed', message: 'Only the sandbox can show an OTP. In live mode the customer reads it from their phone.' });
      const otp = sandbox.control.revealOtp(asNumber(referenceId), asNumber(ackNo));
      return otp ? ok({ otp }) : err({ code: 'not_found', message: 'No OTP has been sent for these numbers yet. Press Send OTP first.' });
    },
  };
}
