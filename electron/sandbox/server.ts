import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { json, transportFault } from './answers';
import { clampClockOffset, clampLatency, parseControl, parseWebhookFault, parseWebhookTarget, type ControlChange } from './control-input';
import type { SandboxFault } from './faults';
import { guarded, guardHandler, hardenServer, isForeignBrowserRequest, isLoopback, isOwnHost, listenOn, readBody, requestUrl, silentLog } from '../http/safety';
import { parseLossless, type LosslessValue } from './lossless-json';
import { parsePayRequest, PaymentBook } from './payments';
import { dynamicQr, PAYEE_NAME, qrStatus, type QrDesk } from './qr-calls';
import { RefundDesk } from './refunds';
import type { PayRequest, ReceivedRequest, SandboxControl, SandboxOptions, SandboxServer } from './types';
import { WebhookSender } from './webhooks';

export { isLoopback } from '../http/safety';
export { PAYEE_NAME, PAYEE_VPA } from './qr-calls';
export type { IssuedQr, PayError, PayRequest, ReceivedRequest, SandboxControl, SandboxOptions, SandboxPayment, SandboxServer, WebhookDelivery, WebhookTarget } from './types';

const PATHS = {
  qr: '/api/BOS/V4/DynamicQRCode',
  qrStatus: '/api/BOS/V4/DynamicQRCodeStatus',
  otp: '/api/BOS/RefundOTP',
  claim: '/api/BOS/ClaimRefund',
  status: '/api/BOS/TransactStatus',
} as const;
const BOS_PATHS: ReadonlySet<string> = new Set(Object.values(PATHS));
const QR_FAMILY: ReadonlySet<string> = new Set([PATHS.qr, PATHS.qrStatus]);
const REFUND_CALL = { [PATHS.otp]: 'otp', [PATHS.claim]: 'claim', [PATHS.status]: 'status' } as const;
/** Enough for a day of training; the oldest go first. */
const MAX_RECORDED_REQUESTS = 1000;

/** The embedded BOS simulator: documented shapes and status codes, on loopback only. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`The BOS sandbox binds to loopback only, not ${host}.`);
  const log = options.log ?? silentLog;
  const realNow = options.now ?? Date.now;
  let latencyMs = clampLatency(options.latencyMs ?? 0);
  let clockOffsetMs = clampClockOffset(options.clockOffsetMs ?? 0);
  let nextFault: SandboxFault | null = null;
  let received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const clock = () => realNow() + clockOffsetMs;
  const book = new PaymentBook(clock);
  const refunds = new RefundDesk(clock);
  const desk: QrDesk = { book, clock, ttlMs: options.qrTtlMs ?? 5 * 60_000, registrationId: options.registrationId, count: 0 };
  const webhooks = new WebhookSender({
    log,
    payeeName: PAYEE_NAME,
    attempts: Math.max(1, options.webhookRetry?.attempts ?? 5),
    firstDelayMs: Math.max(0, options.webhookRetry?.firstDelayMs ?? 1000),
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
  });
  let port = 0;

  function pay(request: PayRequest) {
    const parsed = parsePayRequest(request);
    if (!parsed.ok) return parsed;
    const fault = webhooks.fault();
    const made = book.pay(parsed.value, fault);
    if (!made.ok) return made;
    webhooks.takeFault();
    webhooks.send(made.value.facts, fault);
    return { ok: true as const, value: made.value.payment };
  }

  function applyControl(change: ControlChange) {
    if (change.reset) control.reset();
    if (change.latencyMs !== undefined) latencyMs = change.latencyMs;
    if (change.clockOffsetMs !== undefined) clockOffsetMs = change.clockOffsetMs;
    if (change.nextFault !== undefined) nextFault = change.nextFault;
    if (change.webhookTarget !== undefined) webhooks.setTarget(change.webhookTarget);
    if (change.nextWebhookFault !== undefined) webhooks.setNextFault(change.nextWebhookFault);
  }

  function controlState() {
    const target = webhooks.configured();
    return {
      latencyMs,
      clockOffsetMs,
      nextFault,
      // The HMAC secret is never echoed: only whether deliveries are signed.
      webhookTarget: target ? { url: target.url, shape: target.shape, encoding: target.encoding, signed: target.hmacSecret !== undefined } : null,
      nextWebhookFault: webhooks.fault(),
    };
  }

  const PAY_STATUS = { invalid_input: 400, not_found: 404, already_paid: 409, expired: 409 } as const;

  function sandboxRoute(req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string) {
    const post = req.method === 'POST';
    if (url.pathname === '/sandbox/health') return json(res, 200, { ok: true });
    if (url.pathname === '/sandbox/qrs') return json(res, 200, book.issued());
    if (url.pathname === '/sandbox/payments') return json(res, 200, book.payments());
    if (url.pathname === '/sandbox/webhooks') return json(res, 200, webhooks.deliveries());
    if (url.pathname === '/sandbox/otp') {
      const otp = refunds.revealOtp(url.searchParams.get('referenceid') ?? '', url.searchParams.get('ackno') ?? '');
      return otp ? json(res, 200, { otp }) : json(res, 404, { error: 'no OTP sent for that pair' });
    }
    if (url.pathname !== '/sandbox/control' && url.pathname !== '/sandbox/pay') return json(res, 404, { error: 'not found' });
    if (!post) return json(res, 405, { error: 'POST only' });
    let body: unknown;
    try {
      body = JSON.parse(rawBody || '{}');
    } catch {
      return json(res, 400, { error: 'invalid JSON' });
    }
    if (url.pathname === '/sandbox/pay') {
      const paid = pay(body as PayRequest);
      return paid.ok ? json(res, 200, paid.value) : json(res, PAY_STATUS[paid.error.code], { error: paid.error.message, code: paid.error.code });
    }
    const change = parseControl(body);
    if (!change.ok) return json(res, 400, { error: change.error });
    applyControl(change.value);
    return json(res, 200, controlState());
  }

  function bosCall(req: IncomingMessage, res: ServerResponse, path: string, rawBody: string) {
    if (req.method !== 'POST') return json(res, 405, { status: 'ERROR', subCode: '405', message: 'Method not allowed' });
    const authorization = req.headers.authorization ?? null;
    received.push({ path, rawBody, authorization });
    if (received.length > MAX_RECORDED_REQUESTS) received = received.slice(-MAX_RECORDED_REQUESTS);
    const fault = nextFault;
    nextFault = null;
    const family = QR_FAMILY.has(path) ? 'qr' : 'refund';
    const answer = () => {
      if (options.token !== undefined && authorization !== `Bearer ${options.token}`) {
        transportFault('unauthorized_401', res, family, null);
        return;
      }
      let body: LosslessValue;
      try {
        body = parseLossless(rawBody);
      } catch {
        json(res, 400, { status: 'ERROR', subCode: '400', message: 'Invalid JSON' });
        return;
      }
      if (path === PATHS.qr) dynamicQr(desk, body, res, fault);
      else if (path === PATHS.qrStatus) qrStatus(desk, body, res, fault);
      else refunds.answer(REFUND_CALL[path as keyof typeof REFUND_CALL], body, res, fault);
    };
    // The latency timer's callback is guarded like the handler: a throw there answers 500, never ends the process.
    setTimeout(
      guarded('latency timer', log, () => {
        try {
          answer();
        } catch (error) {
          log('BOS call', error);
          if (!res.headersSent) failure(res);
          else res.destroy();
        }
      }),
      latencyMs,
    );
  }

  const failure = (res: ServerResponse) => json(res, 500, { status: 'ERROR', subCode: '500', message: 'The sandbox hit a problem' });

  const server = createServer(
    guardHandler(
      async (req, res) => {
        if (!isOwnHost(req.headers.host, port)) return json(res, 421, { error: 'wrong host' });
        if (isForeignBrowserRequest(req, port)) return json(res, 403, { error: 'cross-site requests are refused' });
        const rawBody = await readBody(req);
        if (rawBody === null) return json(res, 413, { status: 'ERROR', subCode: '413', message: 'Request body too large' });
        const url = requestUrl(req, 'http://sandbox');
        if (!url) return json(res, 400, { status: 'ERROR', subCode: '400', message: 'Bad request' });
        if (url.pathname.startsWith('/sandbox/')) return sandboxRoute(req, res, url, rawBody);
        if (!BOS_PATHS.has(url.pathname)) return json(res, 404, { status: 'ERROR', subCode: '404', message: 'Not found' });
        return bosCall(req, res, url.pathname, rawBody);
      },
      failure,
      log,
    ),
  );
  hardenServer(server, log);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const control: SandboxControl = {
    setLatency: (ms) => { latencyMs = clampLatency(ms); },
    setNextFault: (fault) => { nextFault = fault; },
    setClockOffset: (ms) => { clockOffsetMs = clampClockOffset(ms); },
    revealOtp: (referenceId, ackNo) => refunds.revealOtp(referenceId, ackNo),
    issuedQrs: () => book.issued(),
    requests: () => received,
    pay,
    payments: () => book.payments(),
    setWebhookTarget: (target) => {
      if (target === null) return webhooks.setTarget(null);
      const parsed = parseWebhookTarget(target);
      if (!parsed.ok) throw new TypeError(parsed.error);
      webhooks.setTarget(parsed.value);
    },
    setNextWebhookFault: (fault) => {
      if (fault === null) return webhooks.setNextFault(null);
      const parsed = parseWebhookFault(fault);
      if (!parsed.ok) throw new TypeError(parsed.error);
      webhooks.setNextFault(parsed.value);
    },
    webhookDeliveries: () => webhooks.deliveries(),
    webhooksIdle: () => webhooks.idle(),
    reset: () => {
      latencyMs = clampLatency(options.latencyMs ?? 0);
      clockOffsetMs = clampClockOffset(options.clockOffsetMs ?? 0);
      nextFault = null;
      received = [];
      book.reset();
      refunds.reset();
      webhooks.reset();
    },
  };

  port = await listenOn(server, host, options.port ?? 0);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        webhooks.close();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
