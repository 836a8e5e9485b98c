import type { PosResult } from '../../contract/errors';
import type { RefundAckView } from '../../contract/views';
import { toPosError, type BosAck, type BosClient, type BosError } from '../bos';
import type { Journal, JournalEventType } from '../journal';
import { err, ok, type Result } from '../../contract/result';
import { notSaved } from '../storage-errors';

export interface RefundsDeps {
  client: () => BosClient;
  journal: Journal;
}

/** Refund by OTP: request an OTP for a failed transfer, then claim the refund with it. The OTP is never journaled. */
export class Refunds {
  constructor(private readonly deps: RefundsDeps) {}

  requestOtp(input: { referenceId: string; ackNo: string }): Promise<PosResult<RefundAckView>> {
    return this.exchange(['refund.otp_requested', 'refund.otp_sent', 'refund.otp_refused'], input, () => this.deps.client().requestRefundOtp(input));
  }

  claim(input: { referenceId: string; ackNo: string; otp: string }): Promise<PosResult<RefundAckView>> {
    return this.exchange(['refund.claim_requested', 'refund.claimed', 'refund.claim_refused'], input, () => this.deps.client().claimRefund(input));
  }

  /** Journal the attempt, call BOS once, journal the outcome. Only the ids are recorded, never the OTP. */
  private async exchange(
    [requested, succeeded, refused]: [JournalEventType, JournalEventType, JournalEventType],
    input: { referenceId: string; ackNo: string },
    call: () => Promise<Result<BosAck, BosError>>,
  ): Promise<PosResult<RefundAckView>> {
    const ids = { referenceId: input.referenceId, ackNo: input.ackNo };
    try {
      await this.deps.journal.append(requested, ids);
    } catch (error) {
      return err(notSaved(error, 'Nothing was sent to BOS.'));
    }
    const answer = await call();
    if (!answer.ok) {
      const error = toPosError(answer.error);
      await this.tryRecord(refused, { ...ids, code: error.code, bosCode: error.bosCode, bosMessage: error.bosMessage });
      return err(error);
    }
    await this.tryRecord(succeeded, { ...ids, responseCode: answer.value.responseCode, message: answer.value.message });
    return ok(answer.value);
  }

  private async tryRecord(type: JournalEventType, data: Record<string, unknown>): Promise<boolean> {
    try {
      await this.deps.journal.append(type, data);
      return true;
    } catch {
      return false;
    }
  }
}
