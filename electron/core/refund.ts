import type { PosResult } from '../contract/errors';
import type { RefundAckView } from '../contract/views';
import type { BosClient } from './bos';
import type { Journal } from './journal/types';
import { err, ok } from './result';
import { toPosError } from './sale';

export interface RefundDeskDeps {
  client: () => BosClient;
  journal: Journal;
}

const NOT_RECORDED = { code: 'internal', message: 'Counter could not write its record (is the disk full?). Nothing was sent to BOS.' } as const;

/** Refund by OTP: request an OTP for a failed transfer, then claim the refund with it. The OTP is never journaled. */
export class RefundDesk {
  constructor(private readonly deps: RefundDeskDeps) {}

  async requestOtp(input: { referenceId: string; ackNo: string }): Promise<PosResult<RefundAckView>> {
    const ids = { referenceId: input.referenceId, ackNo: input.ackNo };
    if (!(await this.tryRecord('refund.otp_requested', ids))) return err(NOT_RECORDED);
    const answer = await this.deps.client().requestRefundOtp(input);
    if (!answer.ok) {
      const error = toPosError(answer.error);
      await this.tryRecord('refund.otp_refused', { ...ids, code: error.code, bosCode: error.bosCode, bosMessage: error.bosMessage });
      return err(error);
    }
    await this.tryRecord('refund.otp_sent', { ...ids, responseCode: answer.value.responseCode });
    return ok(answer.value);
  }

  async claim(input: { referenceId: string; ackNo: string; otp: string }): Promise<PosResult<RefundAckView>> {
    const ids = { referenceId: input.referenceId, ackNo: input.ackNo };
    if (!(await this.tryRecord('refund.claim_requested', ids))) return err(NOT_RECORDED);
    const answer = await this.deps.client().claimRefund(input);
    if (!answer.ok) {
      const error = toPosError(answer.error);
      await this.tryRecord('refund.claim_refused', { ...ids, code: error.code, bosCode: error.bosCode, bosMessage: error.bosMessage });
      return err(error);
    }
    await this.tryRecord('refund.claimed', { ...ids, responseCode: answer.value.responseCode, message: answer.value.message });
    return ok(answer.value);
  }

  private async tryRecord(type: Parameters<Journal['append']>[0], data: Record<string, unknown>): Promise<boolean> {
    try {
      await this.deps.journal.append(type, data);
      return true;
    } catch {
      return false;
    }
  }
}
