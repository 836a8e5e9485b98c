import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { CUSTOMER_PREVIEW } from '../contract/customer';
import type { CounterServices } from '../core/services';
import { guardHandler, hardenServer, isForeignBrowserRequest, isLoopback, isOwnHost, listenOn, readBody, requestUrl, silentLog, type ErrorLog } from '../http/safety';
import { EventStreams, internalError, send, sendJson, tokenCheck } from './responses';
import { readStatic } from './static-files';

export { PREVIEW_CSP } from './responses';

export const TOKEN_META = 'counter-preview-token';
const CASHIER_EVENTS = '/pos-events';

export interface WebPreviewOptions {
  services: CounterServices;
  rendererDir: string;
  host?: string;
  /** The cashier's port (0: any free one). */
  port?: number;
  /** The customer display's own port (0: any free one): another origin, so its page can never read the cashier's. */
  customerPort?: number;
  log?: ErrorLog;
}

export interface WebPreview {
  /** The cashier's page. */
  url: string;
  /** The customer display's page, on its own origin. */
  customerUrl: string;
  /** The per-launch token (tests use it to prove calls without it are refused). */
  token: string;
  /** The customer display's own per-launch token: reads the customer view and nothing else. */
  customerToken: string;
  close(): Promise<void>;
}

const invalidInput = (message: string) => ({ ok: false, error: { code: 'invalid_input', message } });
const hostName = (header: string) => header.replace(/:\d+$/, '');

/**
 * The browser preview: the built renderer on loopback, `window.pos` carried over HTTP to the
 * same services the Electron main process uses. Never a production mode.
 *
 * Two listeners, two origins: the cashier's (its page, `/pos/*`, its event stream) and the
 * customer display's (its page, its view, its stream). A page can read only what its own origin
 * serves, so the customer display, whatever runs in it, never gets the cashier's token.
 */
export async function startWebPreview(options: WebPreviewOptions): Promise<WebPreview> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`The browser preview binds to loopback only, not ${host}.`);
  const log = options.log ?? silentLog;
  const rendererDir = resolve(options.rendererDir);
  const token = randomBytes(24).toString('hex');
  const customerToken = randomBytes(24).toString('hex');
  const cashierToken = tokenCheck(token);
  const customerTokenOk = tokenCheck(customerToken);
  const streams = new EventStreams();
  const customerStreams = new EventStreams();
  let port = 0;
  let customerPort = 0;

  const unsubscribe = options.services.subscribe((event, payload) => streams.broadcast(event, payload));
  const unsubscribeCustomer = options.services.subscribeCustomer((view) => customerStreams.broadcast('customer.changed', view));

  async function page(res: ServerResponse, file: string, meta: string) {
    const found = await readStatic(rendererDir, file);
    if (!found) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    return send(res, 200, found.body.toString('utf8').replace('<head>', `<head>\n    ${meta}`), found.type);
  }

  async function asset(res: ServerResponse, path: string) {
    const found = await readStatic(rendererDir, path);
    if (!found) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    return send(res, 200, found.body, found.type, { 'Cache-Control': 'no-cache' });
  }

  async function operation(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
    if (!cashierToken(req)) return sendJson(res, 403, { error: 'token' });
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, invalidInput('The details sent are too large.'));
    let envelope: unknown;
    let name: string;
    try {
      envelope = body === '' ? {} : JSON.parse(body);
      name = decodeURIComponent(path.slice('/pos/'.length));
    } catch {
      return sendJson(res, 400, invalidInput('The details sent are not in the expected form.'));
    }
    const input = typeof envelope === 'object' && envelope !== null ? (envelope as { input?: unknown }).input : undefined;
    return sendJson(res, 200, await options.services.handle(name, input));
  }

  /** What both origins check first: their own Host, a URL that parses, no other site's page calling in. */
  function admit(req: IncomingMessage, res: ServerResponse, ownPort: number, isApi: (path: string) => boolean): URL | null {
    const url = requestUrl(req, `http://127.0.0.1:${ownPort}`);
    if (!isOwnHost(req.headers.host, ownPort)) sendJson(res, 421, { error: 'wrong host' });
    else if (!url) sendJson(res, 400, { error: 'bad request' });
    // Pages and files may be opened from anywhere (a link, a bookmark); the calls only by our own pages.
    else if (isApi(url.pathname) && isForeignBrowserRequest(req, ownPort)) sendJson(res, 403, { error: 'cross-site' });
    else return url;
    return null;
  }

  const cashier = async (req: IncomingMessage, res: ServerResponse) => {
    const url = admit(req, res, port, (path) => path.startsWith('/pos/') || path === CASHIER_EVENTS);
    if (!url) return undefined;
    if (url.pathname.startsWith('/pos/')) return operation(req, res, url.pathname);
    if (url.pathname === CASHIER_EVENTS) {
      if (req.method !== 'GET') return sendJson(res, 405, { error: 'GET only' });
      if (!cashierToken(req)) return sendJson(res, 403, { error: 'token' });
      return streams.add(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'GET only' });
    // The customer display lives on its own origin; the old address (and customer.open's path) leads there.
    if (url.pathname === CUSTOMER_PREVIEW.page) {
      return send(res, 302, '', 'text/plain; charset=utf-8', { Location: `http://${hostName(req.headers.host!)}:${customerPort}${CUSTOMER_PREVIEW.page}${url.search}` });
    }
    if (url.pathname === CUSTOMER_PREVIEW.view || url.pathname === CUSTOMER_PREVIEW.events) return sendJson(res, 404, { error: 'not here' });
    if (url.pathname === '/' || url.pathname.endsWith('.html')) return page(res, '/index.html', `<meta name="${TOKEN_META}" content="${token}">`);
    return asset(res, url.pathname);
  };

  const customer = async (req: IncomingMessage, res: ServerResponse) => {
    const url = admit(req, res, customerPort, (path) => path === CUSTOMER_PREVIEW.view || path === CUSTOMER_PREVIEW.events);
    if (!url) return undefined;
    const isApi = url.pathname === CUSTOMER_PREVIEW.view || url.pathname === CUSTOMER_PREVIEW.events;
    if (req.method !== 'GET' && (isApi || req.method !== 'HEAD')) return sendJson(res, 405, { error: 'GET only' });
    if (isApi && !customerTokenOk(req)) return sendJson(res, 403, { error: 'token' });
    if (url.pathname === CUSTOMER_PREVIEW.view) return sendJson(res, 200, { ok: true, value: options.services.customerView() });
    if (url.pathname === CUSTOMER_PREVIEW.events) return customerStreams.add(req, res);
    if (url.pathname === '/' || url.pathname === CUSTOMER_PREVIEW.page) return page(res, CUSTOMER_PREVIEW.page, `<meta name="${CUSTOMER_PREVIEW.tokenMeta}" content="${customerToken}">`);
    // Only the customer page here: no other page, and nothing of the cashier's.
    if (url.pathname.endsWith('.html') || url.pathname.startsWith('/pos')) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    return asset(res, url.pathname);
  };

  const serve = (handler: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>): Server => {
    const server = createServer(guardHandler(handler, internalError, log));
    hardenServer(server, log);
    return server;
  };
  const cashierServer = serve(cashier);
  const customerServer = serve(customer);
  try {
    port = await listenOn(cashierServer, host, options.port ?? 0);
    customerPort = await listenOn(customerServer, host, options.customerPort ?? 0);
  } catch (error) {
    unsubscribe();
    unsubscribeCustomer();
    cashierServer.close();
    throw error;
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/`,
    customerUrl: `http://${shownHost}:${customerPort}${CUSTOMER_PREVIEW.page}`,
    token,
    customerToken,
    async close() {
      unsubscribe();
      unsubscribeCustomer();
      streams.endAll();
      customerStreams.endAll();
      await Promise.all(
        [cashierServer, customerServer].map((server) => {
          server.closeAllConnections();
          return new Promise<void>((done) => server.close(() => done()));
        }),
      );
    },
  };
}
