// A small HTTP proxy between a counter and its hub, for the whole-shop tests: it can refuse every
// connection (the hub is away), hold journal POSTs (before the hub sees them, or after it answered),
// and logs every journal POST: the event ids it carried and what the hub answered.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HUB_ROUTES, type JournalBatch, type JournalBatchAnswer } from '../../electron/contract/hub';

export interface JournalPost {
  ids: number[];
  /** The hub's answer; null while held or when the counter's side was gone before it came. */
  status: number | null;
  answer: JournalBatchAnswer | null;
}

/**
 * `pass`: forward everything. `refuse`: every connection is reset, open streams too (the hub is down).
 * `hold-request`: journal POSTs wait here, unseen by the hub, until released. `hold-answer`: the hub
 * takes them and answers, and the answer waits here.
 */
export type ProxyMode = 'pass' | 'refuse' | 'hold-request' | 'hold-answer';

export interface ShopProxy {
  url: string;
  mode: ProxyMode;
  readonly posts: JournalPost[];
  /** Journal POSTs held now. */
  held(): number;
  /** Resolves when a journal POST is being held. */
  waitForHeld(count?: number, timeoutMs?: number): Promise<void>;
  /** Resolves when the hub has answered every journal POST logged so far (its rows can be read a moment before). */
  allAnswered(timeoutMs?: number): Promise<void>;
  /** Lets every held POST (or answer) go on, as the mode was when it was held. */
  release(): void;
  close(): Promise<void>;
}

export async function startShopProxy(target: string): Promise<ShopProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const releases: Array<() => void> = [];
  const waiters = new Set<() => void>();
  const posts: JournalPost[] = [];

  const hold = (go: () => void) => {
    releases.push(go);
    for (const w of [...waiters]) w();
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, post: JournalPost | null, holdAnswer: boolean) => {
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
      if (!post) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const text = Buffer.concat(chunks);
        post.status = answer.statusCode ?? 502;
        for (const w of [...waiters]) w();
        try {
          post.answer = answer.statusCode === 200 ? (JSON.parse(text.toString('utf8')) as JournalBatchAnswer) : null;
        } catch {
          post.answer = null;
        }
        const send = () => {
          if (res.destroyed) return;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(text);
        };
        if (holdAnswer) hold(send);
        else send();
      });
    });
    out.on('error', () => res.destroy());
    res.on('close', () => {
      if (!post) out.destroy();
    });
    out.end(body);
  };

  const server = createServer((req, res) => {
    if (proxy.mode === 'refuse') {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isJournal = req.method === 'POST' && req.url === HUB_ROUTES.journal;
      if (!isJournal) return forward(req, res, body, null, false);
      let ids: number[] = [];
      try {
        ids = (JSON.parse(body.toString('utf8')) as JournalBatch).events.map((e) => e.id);
      } catch {
        // Logged with no ids; the hub answers it as it will.
      }
      const post: JournalPost = { ids, status: null, answer: null };
      posts.push(post);
      const mode = proxy.mode;
      if (mode === 'hold-request') hold(() => forward(req, res, body, post, false));
      else forward(req, res, body, post, mode === 'hold-answer');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const proxy: ShopProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mode: 'pass',
    posts,
    held: () => releases.length,
    waitForHeld: (count = 1, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (releases.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the proxy holds ${releases.length} journal POSTs, waited for ${count}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    allAnswered: (timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (posts.some((p) => p.status === null)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${posts.filter((p) => p.status === null).length} journal POSTs are still unanswered`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    release: () => {
      for (const go of releases.splice(0)) go();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  // Going away drops what is open (the counter's streams), as a stopped hub would.
  let mode: ProxyMode = 'pass';
  Object.defineProperty(proxy, 'mode', {
    get: () => mode,
    set: (next: ProxyMode) => {
      mode = next;
      if (next === 'refuse') for (const socket of sockets) socket.destroy();
    },
  });
  return proxy;
}
