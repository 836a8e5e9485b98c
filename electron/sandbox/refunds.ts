import { randomInt } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { json, transportFault } from './answers';
import type { SandboxFault } from './faults';
import { JsonNumber, type LosslessValue } from './lossless-json';
import { SEEDED_TRANSFERS } from './seed';

const RESEND_COOLDOWN_MS = 30_000;
const MAX_WRONG_OTPS = 3;

interface Transfer {
  refunded: boolean;
  otp: string | null;
  otpSentAt: number;
  wrongOtps: number;
  voided: boolean;
}

const key = (referenceId: string, ackNo: string) => `${referenceId}/${ackNo}`;
const ack = (res: ServerResponse, ok: boolean, code: number, message: string) => json(res, 200, { status: ok, response_code: code, message });

export const fieldsOf = (body: LosslessValue): Record<string, LosslessValue> =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && !(body instanceof JsonNumber) ? body : {};

/** The refund family (RefundOTP, ClaimRefund, TransactStatus) over the seeded transfers, in PaySprint's codes. */
export class RefundDesk {
  private transfers = new Map<string, Transfer>();

  constructor(private readonly clock: () => number) {
    this.reset();
  }

  reset(): void {
    this.transfers = new Map(SEEDED_TRANSFERS.map((t) => [key(t.referenceId, t.ackNo), { refunded: t.refunded, otp: null, otpSentAt: -Infinity, wrongOtps: 0, voided: false }]));
  }

  revealOtp(referenceId: string, ackNo: string): string | null {
    return this.transfers.get(key(referenceId, ackNo))?.otp ?? null;
  }

  answer(call: 'otp' | 'claim' | 'status', body: LosslessValue, res: ServerResponse, fault: SandboxFault | null): void {
    const fields = fieldsOf(body);
    const digits = (v: LosslessValue | undefined) => (v instanceof JsonNumber && /^\d+$/.test(v.raw) ? v.raw : null);
    const referenceId = digits(fields.referenceid);
    const ackNo = digits(fields.ackno);
    const success = { status: true, response_code: 1, message: 'Refund Otp Successfully Sent.' };
    if (transportFault(fault, res, 'refund', success)) return;
    if (!referenceId || (call !== 'status' && !ackNo)) return ack(res, false, 4, 'Validation error: referenceid and ackno must be numbers');
    if (call === 'status') {
      const match = [...this.transfers.entries()].find(([k]) => k.startsWith(`${referenceId}/`));
      return match ? ack(res, true, 1, match[1].refunded ? 'Refunded' : 'Refundable') : ack(res, false, 3, 'No record found');
    }
    const transfer = this.transfers.get(key(referenceId, ackNo!));
    if (!transfer) return ack(res, false, 3, 'No record found');
    if (transfer.refunded) return ack(res, false, 2, 'Transaction not found or already refunded');
    if (call === 'otp') {
      if (this.clock() - transfer.otpSentAt < RESEND_COOLDOWN_MS) return ack(res, false, 5, 'Unable to resend refund OTP. Try again after 30 seconds.');
      Object.assign(transfer, { otp: String(randomInt(0, 1_000_000)).padStart(6, '0'), otpSentAt: this.clock(), wrongOtps: 0, voided: false });
      return ack(res, true, 1, 'Refund Otp Successfully Sent.');
    }
    if (!transfer.otp) return ack(res, false, 3, 'No record found');
    if (transfer.voided) return ack(res, false, 4, 'OTP expired; request a new OTP');
    const otp = fields.otp;
    const given = otp instanceof JsonNumber ? otp.raw.padStart(6, '0') : typeof otp === 'string' ? otp : '';
    if (given !== transfer.otp) {
      transfer.wrongOtps += 1;
      if (transfer.wrongOtps >= MAX_WRONG_OTPS) {
        transfer.voided = true;
        return ack(res, false, 4, 'Invalid OTP. Attempts exceeded; request a new OTP.');
      }
      return ack(res, false, 4, 'Invalid OTP');
    }
    transfer.refunded = true;
    transfer.otp = null;
    return ack(res, true, 1, 'Refund processed successfully.');
  }
}
