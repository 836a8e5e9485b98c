import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { paiseToBosRupees, rupeesToPaise } from '../contract/money';
import { SANDBOX_FAULTS, faultForAmount, type SandboxFault } from './faults';
import { formatIst } from './ist';
import { JsonNumber, parseLossless, type LosslessValue } from './lossless-json';
import { SEEDED_TRANSFERS } from './seed';

export interface SandboxOptions {
  port?: number;
  host?: string;
  token?: string;
  registrationId?: string;
  latencyMs?: number;
  clockOffsetMs?: number;
  qrTtlMs?: number;
  now?: () => number;
}

export interface IssuedQr {
  id: string;
  txnRefranceID: string;
  intent: string;
  amount: string;
  createdDateTime: string;
  expireDateTime: string;
}

export interface ReceivedRequest {
  path: string;
  rawBody: string;
  authorization: string | null;
}

export interface SandboxControl {
  setLatency(ms: number): void;
  setNextFault(fault: SandboxFault | null): void;
  setClockOffset(ms: number): void;
  revealOtp(referenceId: string, ackNo: string): string | null;
  issuedQrs(): ReadonlyArray<IssuedQr>;
  requests(): ReadonlyArray<ReceivedRequest>;
  reset(): void;
}

export interface SandboxServer {
  url: string;
  port: number;
  close(): Promise<void>;
  control: SandboxControl;
}

export const PAYEE_VPA = 'counter.demo@sandbox';
export const PAYEE_NAME = 'Counter Sandbox Store';
const RESEND_COOLDOWN_MS = 30_000;
const MAX_WRONG_OTPS = 3;
const PATHS = { qr: '/api/BOS/V4/DynamicQRCode', otp: '/api/BOS/RefundOTP', claim: '/api/BOS/ClaimRefund', status: '/api/BOS/TransactStatus' };

interface Transfer {
  refunded: boolean;
  otp: string | null;
  otpSentAt: number;
  wrongOtps: number;
  voided: boolean;
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

const key = (referenceId: string, ackNo: string) => `${referenceId}/${ackNo}`;
const alnum = (n: number) => randomBytes(n * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, n).padEnd(n, 'x');

/** The embedded BOS simulator: documented shapes and status codes, on loopback only. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`The BOS sandbox binds to loopback only, not ${host}.`);
  const realNow = options.now ?? Date.now;
  let latencyMs = options.latencyMs ?? 0;
  let clockOffsetMs = options.clockOffsetMs ?? 0;
  let nextFault: SandboxFault | null = null;
  let counter = 0;
  let issued: IssuedQr[] = [];
  let received: ReceivedRequest[] = [];
  let transfers = new Map<string, Transfer>();
  const sockets = new Set<Socket>();
  const ttlMs = options.qrTtlMs ?? 5 * 60_000;
  const clock = () => realNow() + clockOffsetMs;

  const seed = () => {
    transfers = new Map(SEEDED_TRANSFERS.map((t) => [key(t.referenceId, t.ackNo), { refunded: t.refunded, otp: null, otpSentAt: -Infinity, wrongOtps: 0, voided: false }]));
  };
  seed();

  const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8') => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(JSON.stringify(body));
  };
  const html = (res: ServerResponse, status: number) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!DOCTYPE html><html><head><title>${status} Error</title></head><body><h1>${status} Bad Gateway</h1><p>nginx</p></body></html>`);
  };

  /** Faults shared by every BOS call. Returns true when the fault has answered. */
  function transportFault(fault: SandboxFault | null, res: ServerResponse, family: 'qr' | 'refund', success: unknown): boolean {
    switch (fault) {
      case 'unauthorized_401':
        json(res, 401, family === 'qr' ? { status: 'ERROR', subCode: '401', message: 'Authentication failed' } : { status: false, response_code: 18, message: 'Authentication failed' });
        return true;
      case 'html_500': html(res, 500); return true;
      case 'html_502': html(res, 502); return true;
      case 'empty_502': res.writeHead(502); res.end(); return true;
      case 'empty_200': res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(); return true;
      case 'truncated_json': {
        const text = JSON.stringify(success);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(text.slice(0, Math.floor(text.length / 2)));
        return true;
      }
      case 'wrong_content_type': json(res, 200, success, 'text/html; charset=utf-8'); return true;
      case 'hang': return true;
      case 'reset': {
        const text = JSON.stringify(success);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(text.length) });
        res.write(text.slice(0, 20));
        setTimeout(() => res.socket?.destroy(), 20);
        return true;
      }
      default: return false;
    }
  }

  function dynamicQr(body: LosslessValue, res: ServerResponse, fault: SandboxFault | null) {
    const fields = typeof body === 'object' && body !== null && !Array.isArray(body) && !(body instanceof JsonNumber) ? body : {};
    const amount = fields.amount;
    const paise = typeof amount === 'string' ? rupeesToPaise(amount) : null;
    const vpaError = { status: 'ERROR', subCode: '400', message: 'VPA does not exist for the account provided' };
    if (options.registrationId !== undefined && fields.RegistrationID !== options.registrationId) return json(res, 400, vpaError);
    if (paise === null || paise < 100) return json(res, 400, { status: 'ERROR', subCode: '400', message: 'Invalid amount' });
    const effective = fault ?? faultForAmount(paise);
    counter += 1;
    const created = clock();
    const tr = `SBX${alnum(10)}${counter}`;
    const am = effective === 'wrong_amount' ? paiseToBosRupees(paise + 100) : (amount as string);
    const cu = effective === 'wrong_currency' ? 'USD' : 'INR';
    const scheme = effective === 'not_upi_pay' ? 'https://example.invalid/pay' : 'upi://pay';
    const intent = `${scheme}?ver=01&mode=22&pa=${PAYEE_VPA}&pn=Counter%20Sandbox%20Store&tr=${tr}&cu=${cu}&mc=8299&qrMedium=04&tn=Payment%20to%20Counter%20Sandbox%20Store&am=${am}`;
    const qr: IssuedQr = { id: `qr_${alnum(14)}`, txnRefranceID: `SBX554V${String(counter).padStart(6, '0')}`, intent, amount: amount as string, createdDateTime: formatIst(created), expireDateTime: formatIst(created + ttlMs) };
    const success = {
      id: qr.id, txnRefranceID: qr.txnRefranceID, entity: 'qr_code', CreatedDateTime: qr.createdDateTime, UPIIntend: intent,
      PaymentAmount: paise / 100, status: 'active', ExpireDateTime: qr.expireDateTime, Status: 'True', message: 'QR Code Generated', Value: '',
    };
    if (effective === 'vpa_error_400') return json(res, 400, vpaError);
    if (effective === 'status_error_200') return json(res, 200, { status: 'ERROR', subCode: '500', message: 'Unable to generate QR' });
    if (transportFault(effective, res, 'qr', success)) return undefined;
    issued.push(qr);
    return json(res, 200, success);
  }

  const ack = (res: ServerResponse, ok: boolean, code: number, message: string) => json(res, 200, { status: ok, response_code: code, message });

  function refundFamily(path: string, body: LosslessValue, res: ServerResponse, fault: SandboxFault | null) {
    const fields = typeof body === 'object' && body !== null && !Array.isArray(body) && !(body instanceof JsonNumber) ? body : {};
    const digits = (v: LosslessValue | undefined) => (v instanceof JsonNumber && /^\d+$/.test(v.raw) ? v.raw : null);
    const referenceId = digits(fields.referenceid);
    const ackNo = digits(fields.ackno);
    const success = { status: true, response_code: 1, message: 'Refund Otp Successfully Sent.' };
    if (transportFault(fault, res, 'refund', success)) return undefined;
    if (!referenceId || (path !== PATHS.status && !ackNo)) return ack(res, false, 4, 'Validation error: referenceid and ackno must be numbers');
    if (path === PATHS.status) {
      const match = [...transfers.entries()].find(([k]) => k.startsWith(`${referenceId}/`));
      return match ? ack(res, true, 1, match[1].refunded ? 'Refunded' : 'Refundable') : ack(res, false, 3, 'No record found');
    }
    const transfer = transfers.get(key(referenceId, ackNo!));
    if (!transfer) return ack(res, false, 3, 'No record found');
    if (transfer.refunded) return ack(res, false, 2, 'Transaction not found or already refunded');
    if (path === PATHS.otp) {
      if (clock() - transfer.otpSentAt < RESEND_COOLDOWN_MS) return ack(res, false, 5, 'Unable to resend refund OTP. Try again after 30 seconds.');
      Object.assign(transfer, { otp: String(randomInt(0, 1_000_000)).padStart(6, '0'), otpSentAt: clock(), wrongOtps: 0, voided: false });
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

  function sandboxRoute(req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string) {
    if (url.pathname === '/sandbox/health') return json(res, 200, { ok: true });
    if (url.pathname === '/sandbox/qrs') return json(res, 200, issued);
    if (url.pathname === '/sandbox/otp') {
      const otp = control.revealOtp(url.searchParams.get('referenceid') ?? '', url.searchParams.get('ackno') ?? '');
      return otp ? json(res, 200, { otp }) : json(res, 404, { error: 'no OTP sent for that pair' });
    }
    if (url.pathname === '/sandbox/control' && req.method === 'POST') {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(rawBody || '{}') as Record<string, unknown>;
      } catch {
        return json(res, 400, { error: 'invalid JSON' });
      }
      if (body.reset === true) control.reset();
      if (typeof body.latencyMs === 'number') latencyMs = Math.max(0, body.latencyMs);
      if (typeof body.clockOffsetMs === 'number') clockOffsetMs = body.clockOffsetMs;
      if (body.nextFault === null || SANDBOX_FAULTS.includes(body.nextFault as SandboxFault)) nextFault = (body.nextFault as SandboxFault | null) ?? null;
      return json(res, 200, { latencyMs, clockOffsetMs, nextFault });
    }
    return json(res, 404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://sandbox');
      if (url.pathname.startsWith('/sandbox/')) return sandboxRoute(req, res, url, rawBody);
      const isQr = url.pathname === PATHS.qr;
      if (!Object.values(PATHS).includes(url.pathname)) return json(res, 404, { status: 'ERROR', subCode: '404', message: 'Not found' });
      if (req.method !== 'POST') return json(res, 405, { status: 'ERROR', subCode: '405', message: 'Method not allowed' });
      const authorization = req.headers.authorization ?? null;
      received.push({ path: url.pathname, rawBody, authorization });
      const fault = nextFault;
      nextFault = null;
      setTimeout(() => {
        if (options.token !== undefined && authorization !== `Bearer ${options.token}`) {
          transportFault('unauthorized_401', res, isQr ? 'qr' : 'refund', null);
          return;
        }
        let body: LosslessValue;
        try {
          body = parseLossless(rawBody);
        } catch {
          json(res, 400, { status: 'ERROR', subCode: '400', message: 'Invalid JSON' });
          return;
        }
        if (isQr) dynamicQr(body, res, fault);
        else refundFamily(url.pathname, body, res, fault);
      }, latencyMs);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const control: SandboxControl = {
    setLatency: (ms) => { latencyMs = Math.max(0, ms); },
    setNextFault: (fault) => { nextFault = fault; },
    setClockOffset: (ms) => { clockOffsetMs = ms; },
    revealOtp: (referenceId, ackNo) => transfers.get(key(referenceId, ackNo))?.otp ?? null,
    issuedQrs: () => issued,
    requests: () => received,
    reset: () => {
      latencyMs = options.latencyMs ?? 0;
      clockOffsetMs = options.clockOffsetMs ?? 0;
      nextFault = null;
      issued = [];
      received = [];
      seed();
    },
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
