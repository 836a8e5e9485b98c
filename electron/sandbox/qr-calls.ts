import { randomBytes, randomInt } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { paiseToBosRupees, rupeesToPaise } from '../contract/money';
import { json, transportFault } from './answers';
import { faultForAmount, type SandboxFault } from './faults';
import { formatIst } from './ist';
import type { LosslessValue } from './lossless-json';
import type { PaymentBook } from './payments';
import { fieldsOf } from './refunds';

export const PAYEE_VPA = 'counter.demo@sandbox';
export const PAYEE_NAME = 'Counter Sandbox Store';

export interface QrDesk {
  book: PaymentBook;
  clock: () => number;
  ttlMs: number;
  /** When set, calls must name this registration id. */
  registrationId: string | undefined;
  /** QRs issued so far by this sandbox. */
  count: number;
}

const alnum = (n: number) => randomBytes(n * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, n).padEnd(n, 'x');
const VPA_ERROR = { status: 'ERROR', subCode: '400', message: 'VPA does not exist for the account provided' };

/** `V4/DynamicQRCode`: the documented success shape, or the magic amount's (or the next) fault. */
export function dynamicQr(desk: QrDesk, body: LosslessValue, res: ServerResponse, fault: SandboxFault | null): void {
  const fields = fieldsOf(body);
  const amount = fields.amount;
  const paise = typeof amount === 'string' ? rupeesToPaise(amount) : null;
  if (desk.registrationId !== undefined && fields.RegistrationID !== desk.registrationId) return json(res, 400, VPA_ERROR);
  if (typeof amount !== 'string' || paise === null || paise < 100) return json(res, 400, { status: 'ERROR', subCode: '400', message: 'Invalid amount' });
  const effective = fault ?? faultForAmount(paise);
  desk.count += 1;
  const counter = desk.count;
  const created = desk.clock();
  const tr = `SBX${alnum(10)}${counter}`;
  const am = effective === 'wrong_amount' ? paiseToBosRupees(paise + 100) : amount;
  const cu = effective === 'wrong_currency' ? 'USD' : 'INR';
  const scheme = effective === 'not_upi_pay' ? 'https://example.invalid/pay' : 'upi://pay';
  const intent = `${scheme}?ver=01&mode=22&pa=${PAYEE_VPA}&pn=Counter%20Sandbox%20Store&tr=${tr}&cu=${cu}&mc=8299&qrMedium=04&tn=Payment%20to%20Counter%20Sandbox%20Store&am=${am}`;
  const expires = created + desk.ttlMs;
  // A random tail (digits: screens show it beside Hindi) so a restarted sandbox never issues a reference a hub already holds:
  // a hub gives a reference to the first sale that claimed it, and holds the payment of a second claim for the owner.
  const qr = { id: `qr_${alnum(14)}`, txnRefranceID: `SBX554V${String(counter).padStart(6, '0')}${randomInt(100_000, 1_000_000)}`, intent, amount, createdDateTime: formatIst(created), expireDateTime: formatIst(expires) };
  const success = {
    id: qr.id, txnRefranceID: qr.txnRefranceID, entity: 'qr_code', CreatedDateTime: qr.createdDateTime, UPIIntend: intent,
    PaymentAmount: paise / 100, status: 'active', ExpireDateTime: qr.expireDateTime, Status: 'True', message: 'QR Code Generated', Value: '',
  };
  if (effective === 'vpa_error_400') return json(res, 400, VPA_ERROR);
  if (effective === 'status_error_200') return json(res, 200, { status: 'ERROR', subCode: '500', message: 'Unable to generate QR' });
  if (transportFault(effective, res, 'qr', success)) return;
  desk.book.issue({ qr, amountPaise: paise, createdMs: created, expiresMs: expires });
  json(res, 200, success);
}

/** `V4/DynamicQRCodeStatus`: SUCCESS once the QR is paid, PENDING before, with the same transport faults as the other calls. */
export function qrStatus(desk: QrDesk, body: LosslessValue, res: ServerResponse, fault: SandboxFault | null): void {
  const fields = fieldsOf(body);
  const ref = fields.txnRefranceID;
  const pending = { status: 'PENDING', txnRefranceID: typeof ref === 'string' ? ref : '', message: 'Payment pending' };
  if (transportFault(fault, res, 'qr', pending)) return;
  if (fault === 'vpa_error_400' || (desk.registrationId !== undefined && fields.RegistrationID !== desk.registrationId)) return json(res, 400, VPA_ERROR);
  if (fault === 'status_error_200') return json(res, 200, { status: 'ERROR', subCode: '500', message: 'Unable to fetch status' });
  if (typeof ref !== 'string' || ref === '') return json(res, 400, { status: 'ERROR', subCode: '400', message: 'txnRefranceID is required' });
  const answer = desk.book.status(ref);
  if (!answer) return json(res, 400, { status: 'ERROR', subCode: '404', message: 'Transaction not found' });
  json(res, 200, answer);
}
