import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Our servers take small JSON bodies only. */
export const MAX_BODY_BYTES = 64 * 1024;

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * A Host header (or an Origin's host) that names this server: a loopback name with its own port.
 * A DNS-rebinding page reaches us by its own name, so its Host gives it away.
 */
export function isOwnHost(header: string | undefined, port: number): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+):(\d{1,5})$/i.exec(header);
  return match !== null && match[2] === String(port) && isLoopback(match[1]!);
}

/**
 * A browser request sent by a page of another site or another port of this machine. Browsers say
 * so in Sec-Fetch-Site (a no-cors text/plain POST included); an Origin other than ours says it too.
 * `Origin: null` alone is let through: browsers that send it send Sec-Fetch-Site as well.
 */
export function isForeignBrowserRequest(req: IncomingMessage, port: number): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return false;
  try {
    const url = new URL(origin);
    return url.protocol !== 'http:' || !isOwnHost(url.host, port);
  } catch {
    return true;
  }
}

/** The request's URL, or null when its request line carries one no URL parser takes (`GET http://[x/`). */
export function requestUrl(req: IncomingMessage, base: string): URL | null {
  try {
    return new URL(req.url ?? '/', base);
  } catch {
    return null;
  }
}

/**
 * The request body as text, or null when it is over `maxBytes`. A too-large body is still read to
 * its end (and dropped): answering while a browser is still sending leaves it hanging.
 */
export async function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size <= maxBytes) chunks.push(bytes);
  }
  return size > maxBytes ? null : Buffer.concat(chunks).toString('utf8');
}

export type ErrorLog = (where: string, error: unknown) => void;

/** Quiet by default: a server inside the app must not fill the terminal; tests pass their own. */
export const silentLog: ErrorLog = () => undefined;

/**
 * Wraps a request handler so nothing it throws (now or in a promise) ends the process: the
 * request gets `fail`'s answer (or its connection is cut if an answer had begun) and the server
 * goes on. Errors on the request and response streams are absorbed the same way.
 */
export function guardHandler(handler: (req: IncomingMessage, res: ServerResponse) => unknown, fail: (res: ServerResponse) => void, log: ErrorLog): RequestListener {
  return (req, res) => {
    req.on('error', (error) => log('request stream', error));
    res.on('error', (error) => log('response stream', error));
    const answerFailure = (error: unknown) => {
      log('handler', error);
      try {
        if (res.headersSent) res.destroy();
        else fail(res);
      } catch (again) {
        log('failure answer', again);
        res.destroy();
      }
    };
    try {
      const result = handler(req, res);
      if (result instanceof Promise) result.catch(answerFailure);
    } catch (error) {
      answerFailure(error);
    }
  };
}

/** A callback (a timer's, a stream's) that may throw: the throw is logged, never fatal. */
export function guarded<A extends unknown[]>(where: string, log: ErrorLog, run: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      run(...args);
    } catch (error) {
      log(where, error);
    }
  };
}

const CLIENT_ERROR_STATUS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
};

/**
 * A malformed request (bad request line, oversized headers, a broken chunk) gets a plain 4xx and
 * its connection closed; a server error after listening is logged, not thrown (an unheard
 * 'error' event would end the process).
 */
export function hardenServer(server: Server, log: ErrorLog): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
  });
  server.on('error', (error) => log('server', error));
}

/** Listens on host:port (0 for any free port) and returns the port; a failure to listen rejects. */
export async function listenOn(server: Server, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server has no TCP address.');
  return address.port;
}
