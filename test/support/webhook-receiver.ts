import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with a request: answer a status, cut the connection, never answer, or redirect. */
export type Reply = number | 'reset' | 'hang' | { redirect: string };

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Replies in order; after the last, every request gets 200. */
  replyWith(replies: Reply[]): void;
  /** Settles once `count` requests have arrived. */
  waitFor(count: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A small local stand-in for the hub's webhook route: records every request, answers as told. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let replies: Reply[] = [];
  const waiters: Array<{ count: number; resolve: (r: ReceivedWebhook[]) => void }> = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = replies[received.length] ?? 200;
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve(received.slice());
      if (reply === 'reset') return req.socket.destroy();
      if (reply === 'hang') return undefined;
      if (typeof reply === 'object') {
        res.writeHead(302, { Location: reply.redirect });
        return res.end();
      }
      res.writeHead(reply, { 'Content-Type': 'application/json' });
      res.end(reply < 300 ? '{"status":"ok"}' : '{"error":"no"}');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bos/webhook/s3cret`,
    received,
    replyWith: (next) => {
      replies = next;
    },
    waitFor: (count) => (received.length >= count ? Promise.resolve(received.slice()) : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
