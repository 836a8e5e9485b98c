import { AUTH_RESPONSE_CODES, explainRefundCode } from '../../contract/refund-codes';
import { err, ok, type Result } from '../../contract/result';
import { bosError, type BosError } from './errors';
import { httpFailure, readJson, type HttpAnswer } from './http';
import { ackResponseSchema } from './schemas';
import type { BosAck } from './types';

/** The family's success code: "OTP sent", "refund processed", "transaction found". */
const DONE_CODE = '1';
const NOT_DONE = 'Counter took it as not done. Do not hand over cash until BOS confirms it; check with BOS first.';

/** `status` as the refund family sends it: a boolean, sometimes its text; anything else is unclear. */
function statusFlag(value: string | boolean | number | undefined): boolean | 'absent' | 'unclear' {
  if (value === undefined) return 'absent';
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  return word === 'true' ? true : word === 'false' ? false : 'unclear';
}

/**
 * A refund-family answer (RefundOTP, ClaimRefund, TransactStatus). The response code
 * decides; a `status` that disagrees with it, two different codes, or a success with
 * no code is not taken as done, and the cashier is told not to pay out.
 */
export function readAck(answer: HttpAnswer): Result<BosAck, BosError> {
  const json = readJson(answer);
  const parsed = json.ok ? ackResponseSchema.safeParse(json.value) : null;
  const data = parsed?.success ? parsed.data : null;
  const codes = [data?.response_code, data?.responsecode].filter((code): code is string => code !== undefined && code !== '');
  const responseCode = codes[0] ?? '';
  const bosMessage = data?.message ?? '';
  const explanation = explainRefundCode(responseCode, bosMessage);
  const status = statusFlag(data?.status);
  const said = data ? { bosCode: responseCode, bosMessage } : {};

  if (answer.status === 401 || answer.status === 403 || (data && status !== true && codes.length === 1 && AUTH_RESPONSE_CODES.has(responseCode))) {
    const failure = httpFailure({ ...answer, status: 401 });
    return err({ ...(failure ?? bosError('unauthorized', explanation)), httpStatus: answer.status, ...said });
  }
  const failure = httpFailure(answer);
  if (failure) return err(failure);
  if (!json.ok) return json;
  if (!data) return err(bosError('invalid_response', 'BOS sent an answer Counter cannot read. Counter did not act on it; try again.', { httpStatus: answer.status }));

  const doubt = (what: string, reason: 'contradictory' | 'unconfirmed') =>
    err(bosError('invalid_response', `BOS's answer ${what}. ${NOT_DONE}`, { httpStatus: answer.status, reason, ...said }));
  if (new Set(codes).size > 1) return doubt(`contradicts itself (response codes ${codes.join(' and ')})`, 'contradictory');
  if (status === 'unclear') return doubt('does not say clearly whether it worked (its status is unreadable)', 'unconfirmed');
  const done = responseCode === DONE_CODE;
  if (status === true && !done) {
    return doubt(responseCode ? `contradicts itself (it says success with response code ${responseCode})` : 'says success without a response code', responseCode ? 'contradictory' : 'unconfirmed');
  }
  if (status === false && done) return doubt('contradicts itself (it says it failed with response code 1)', 'contradictory');
  if (done && answer.status === 200) return ok({ responseCode, message: bosMessage, explanation });
  if (done) {
    return err(bosError('invalid_response', `BOS answered HTTP ${answer.status} but said it succeeded. Check before trying again.`, { httpStatus: answer.status }));
  }
  if (status === 'absent' && !responseCode) return doubt('says neither success nor failure', 'unconfirmed');
  return err(bosError('rejected', explanation, { bosCode: responseCode, bosMessage, httpStatus: answer.status }));
}
