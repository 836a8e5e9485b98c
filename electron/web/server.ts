import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { CUSTOMER_PREVIEW } from '../contract/customer';
import type { CounterServices } from '../core/services';
import { isLoopback } from '../sandbox';
import { readStatic } from './static-files';

export const PREVIEW_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const TOKEN_META = 'counter-preview-token';
const MAX_BODY_BYTES = 64 * 1024;

export interface WebPreviewOptions {
  services: CounterServices;
  rendererDir: string;
  host?: string;
  port?: number;
}

export interface WebPreview {
  url: string;
  /** The per-launch token (tests use it to prove calls without it are refused). */
  token: string;
  /** The customer display's own per-launch token: reads the customer view and nothing else. */
  customerToken: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': PREVIEW_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

/**
 * The request body, or null when it is too large. A too-large body is still read to its end
 * (and dropped): answering before the browser has finished sending left the connection hanging.
 */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser preview: the built renderer on loopback, `window.pos` carried over
 * HTTP to the same services the Electron main process uses. Never a production mode.
 */
export async function startWebPreview(options: WebPreviewOptions): Promise<WebPreview> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`The browser preview binds to loopback only, not ${host}.`);
  const rendererDir = resolve(options.rendererDir);
  const token = randomBytes(24).toString('hex');
  // The customer display's page gets a token of its own: it can read the customer view and
  // follow its changes, and is refused everywhere else (the cashier's token likewise on its routes).
  const customerToken = randomBytes(24).toString('hex');
  const streams = new Set<ServerResponse>();
  const customerStreams = new Set<ServerResponse>();
  let port = 0;

  const matches = (expected: string) => {
    const expectedBytes = Buffer.from(expected);
    return (given: string | null | undefined) => {
      const bytes = Buffer.from(given ?? '');
      return bytes.length === expectedBytes.length && timingSafeEqual(bytes, expectedBytes);
    };
  };
  const tokenMatches = matches(token);
  const customerTokenMatches = matches(customerToken);
  // A page on another site cannot read our HTML (so not the token), and a DNS-rebinding page sends its own Host.
  const hostAllowed = (req: IncomingMessage) => {
    const header = req.headers.host ?? '';
    return header === `127.0.0.1:${port}` || header === `localhost:${port}` || header === `[::1]:${port}`;
  };

  const unsubscribe = options.services.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const unsubscribeCustomer = options.services.subscribeCustomer((view) => {
    const frame = `event: customer.changed\ndata: ${JSON.stringify(view)}\n\n`;
    for (const stream of customerStreams) stream.write(frame);
  });
  const openStream = (req: IncomingMessage, res: ServerResponse, into: Set<ServerResponse>) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' });
    res.write(': connected\n\n');
    into.add(res);
    req.on('close', () => into.delete(res));
  };

  const server = createServer(async (req, res) => {
    try {
      if (!hostAllowed(req)) return sendJson(res, 421, { error: 'wrong host' });
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/pos/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
        if (!tokenMatches(req.headers['x-counter-token'] as string | undefined)) return sendJson(res, 403, { error: 'token' });
        const body = await readBody(req);
        if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: 'The details sent are too large.' } });
        let envelope: unknown;
        try {
          envelope = body === '' ? {} : JSON.parse(body);
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The details sent are not in the expected form.' } });
        }
        const input = typeof envelope === 'object' && envelope !== null ? (envelope as { input?: unknown }).input : undefined;
        const result = await options.services.handle(decodeURIComponent(url.pathname.slice('/pos/'.length)), input);
        return sendJson(res, 200, result);
      }

      if (url.pathname === '/pos-events') {
        if (!tokenMatches(url.searchParams.get('token'))) return sendJson(res, 403, { error: 'token' });
        openStream(req, res, streams);
        return undefined;
      }

      if (url.pathname === CUSTOMER_PREVIEW.view) {
        if (req.method !== 'GET') return sendJson(res, 405, { error: 'GET only' });
        if (!customerTokenMatches(req.headers['x-counter-token'] as string | undefined)) return sendJson(res, 403, { error: 'token' });
        return sendJson(res, 200, { ok: true, value: options.services.customerView() });
      }

      if (url.pathname === CUSTOMER_PREVIEW.events) {
        if (!customerTokenMatches(url.searchParams.get('token'))) return sendJson(res, 403, { error: 'token' });
        openStream(req, res, customerStreams);
        return undefined;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'GET only' });
      const isPage = url.pathname === '/' || url.pathname.endsWith('.html');
      // Each page carries only its own token: the customer display never sees the cashier's, nor the cashier page the customer's.
      const isCustomerPage = url.pathname === CUSTOMER_PREVIEW.page;
      const file = await readStatic(rendererDir, isCustomerPage ? CUSTOMER_PREVIEW.page : isPage ? '/index.html' : url.pathname);
      if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      if (isPage) {
        const meta = isCustomerPage ? `<meta name="${CUSTOMER_PREVIEW.tokenMeta}" content="${customerToken}">` : `<meta name="${TOKEN_META}" content="${token}">`;
        const html = file.body.toString('utf8').replace('<head>', `<head>\n    ${meta}`);
        return send(res, 200, html, file.type);
      }
      return send(res, 200, file.body, file.type, { 'Cache-Control': 'no-cache' });
    } catch {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The preview server hit a problem.' } });
      else res.end();
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/`,
    token,
    customerToken,
    async close() {
      unsubscribe();
      unsubscribeCustomer();
      for (const stream of [...streams, ...customerStreams]) stream.end();
      streams.clear();
      customerStreams.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
