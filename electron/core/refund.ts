import type { PosResult } from '../contract/errors';
import type { RefundAckView } from '../contract/views';
import type { BosAck, BosClient, BosError } from './bos';
import type { Journal, JournalEventType } from './journal/types';
import { err, ok, type Result } from '../contract/result';
import { toPosError } from './sale';

export interface RefundDeskDeps {
  client: () => BosClient;
  journal: Journal;
}

const NOT_RECORDED = { code: 'internal', message: 'Counter could not write its record (is the disk full?). Nothing was sent to BOS.' } as const;

/** Refund by OTP: request an OTP for a failed transfer, then claim the refund with it. The OTP is never journaled. */
export class RefundDesk {
  constructor(private readonly deps: RefundDeskDeps) {}

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
    if (!(await this.tryRecord(requested, ids))) return err(NOT_RECORDED);
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
