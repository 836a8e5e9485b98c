import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const PREVIEW_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The header each page's token travels in (never the URL: logs and browser history keep URLs). */
export const TOKEN_HEADER = 'x-counter-token';

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
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

export const sendJson = (res: ServerResponse, status: number, value: unknown): void => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

export const internalError = (res: ServerResponse): void => sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The preview server hit a problem.' } });

/** A constant-time check of the token a request carries in its header. */
export function tokenCheck(expected: string): (req: IncomingMessage) => boolean {
  const expectedBytes = Buffer.from(expected);
  return (req) => {
    const given = req.headers[TOKEN_HEADER];
    const bytes = Buffer.from(typeof given === 'string' ? given : '');
    return bytes.length === expectedBytes.length && timingSafeEqual(bytes, expectedBytes);
  };
}

/** One kind of event stream (the cashier's, the customer display's): its open responses and what goes to all of them. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  add(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' });
    res.write(': connected\n\n');
    this.open.add(res);
    const drop = () => this.open.delete(res);
    req.on('close', drop);
    res.on('close', drop);
  }

  broadcast(event: string, payload: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    // A response already ended or cut is skipped: writing after end would raise an error event.
    for (const res of this.open) if (!res.writableEnded && !res.destroyed) res.write(frame);
  }

  endAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}
