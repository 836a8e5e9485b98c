import type { ServerResponse } from 'node:http';
import type { SandboxFault } from './faults';

export function json(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

export function html(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html><head><title>${status} Error</title></head><body><h1>${status} Bad Gateway</h1><p>nginx</p></body></html>`);
}

/** The QR calls answer errors BOS's way; the refund family PaySprint's. */
export type CallFamily = 'qr' | 'refund';

/** Faults shared by every BOS call. Returns true when the fault has answered. */
export function transportFault(fault: SandboxFault | null, res: ServerResponse, family: CallFamily, success: unknown): boolean {
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
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
      res.write(text.slice(0, 20));
      setTimeout(() => res.socket?.destroy(), 20);
      return true;
    }
    default: return false;
  }
}
