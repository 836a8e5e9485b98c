import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a stub BOS does with one request: the test sets it per case. */
export type StubAnswer = (request: { path: string; body: string }, res: ServerResponse) => void;

export interface StubBos {
  url: string;
  answer: StubAnswer;
  requests: Array<{ path: string; body: string }>;
  close(): Promise<void>;
}

/** A BOS that answers whatever the test says, on 127.0.0.1: for the answers the sandbox does not make. */
export async function startStubBos(first: StubAnswer = (_, res) => res.writeHead(404).end()): Promise<StubBos> {
  const requests: Array<{ path: string; body: string }> = [];
  const stub: StubBos = { url: '', answer: first, requests, close: async () => undefined };
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      const request = { path: new URL(req.url ?? '/', 'http://stub').pathname, body };
      requests.push(request);
      stub.answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return stub;
}

export const jsonAnswer = (status: number, body: unknown): StubAnswer => (_, res) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};

/** BOS's documented success answer for a QR, with the intent and fields the case changes. */
export function qrSuccess(amount: string, intent: { pa?: string; pn?: string; extra?: string } = {}, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const pa = intent.pa ?? 'sharma.stores@okaxis';
  const pn = intent.pn ?? 'Sharma%20Stores';
  return {
    id: 'qr_Stub0000000001', txnRefranceID: 'BOS554V000001', entity: 'qr_code', CreatedDateTime: '2026-12-01T10:00:00+05:30', ExpireDateTime: '2026-12-01T10:05:00+05:30',
    UPIIntend: `upi://pay?ver=01&mode=22&pa=${pa}&pn=${pn}&tr=RZPStub0000000001qrv2&cu=INR&mc=8299&qrMedium=04${intent.extra ?? ''}&am=${amount}`,
    PaymentAmount: Number(amount), status: 'active', Status: 'True', message: 'QR Code Generated', Value: '', ...fields,
  };
}
