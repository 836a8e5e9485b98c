import { err, ok } from '../../contract/result';
import type { CounterContext } from '../settings/current';
import type { HandlersFor } from '../dispatch';

/** Leading zeros as typed are not part of the number BOS (and the sandbox) know the transfer by. */
const asNumber = (digits: string) => digits.replace(/^0+(?=\d)/, '');

export function refundHandlers(ctx: CounterContext): HandlersFor<'refund.requestOtp' | 'refund.claim' | 'refund.sandboxOtp'> {
  return {
    'refund.requestOtp': async (input) => ctx.refunds.requestOtp(input),
    'refund.claim': async (input) => ctx.refunds.claim(input),
    'refund.sandboxOtp': async ({ referenceId, ackNo }) => {
      const sandbox = ctx.bos.sandbox();
      if (!sandbox || !ctx.bos.isSandbox()) return err({ code: 'not_allowed', message: 'Only the sandbox can show an OTP. In live mode the customer reads it from their phone.' });
      const otp = sandbox.control.revealOtp(asNumber(referenceId), asNumber(ackNo));
      return otp ? ok({ otp }) : err({ code: 'not_found', message: 'No OTP has been sent for these numbers yet. Press Send OTP first.' });
    },
  };
}
