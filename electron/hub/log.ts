import type { FastifyServerOptions } from 'fastify';

export type HubLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface HubLogOptions {
  level?: HubLogLevel;
  /** Where JSON lines go (default stdout). */
  destination?: { write(line: string): unknown };
}

/** Percent-decoded until it no longer changes (a doubly encoded path too), never throwing. */
function decoded(segment: string): string {
  let text = segment;
  for (let round = 0; round < 3; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(text);
    } catch {
      return text;
    }
    if (next === text) return text;
    text = next;
  }
  return text;
}

const MARK = 'webhook';

/**
 * A URL fit for a log line: the query string dropped, and everything after the first "webhook" in the
 * path masked, in any case, percent-encoded or not, after any number of slashes. The router answers
 * only the exact `/bos/webhook/<secret>`; anything near it (a proxy's doubled slash, an upper-case
 * BOS) is a 404 whose URL may hold the real secret all the same, so it is masked as well.
 */
export function loggableUrl(url: string | undefined): string {
  const path = (url ?? '').replace(/[?#].*$/s, '');
  const segments = path.split('/');
  const at = segments.findIndex((segment) => decoded(segment).toLowerCase().includes(MARK));
  if (at < 0) return path;
  const segment = decoded(segments[at] ?? '');
  const cut = segment.toLowerCase().indexOf(MARK) + MARK.length;
  const after = segment.slice(cut) + segments.slice(at + 1).join('');
  if (after === '') return path;
  return `${[...segments.slice(0, at), segment.slice(0, cut)].join('/')}/***`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
}

/**
 * Pino through Fastify. Never logged: credentials (Authorization), pairing codes (request bodies are
 * never logged), webhook secrets (the URL segment), signatures. Headers are not logged at all; the
 * redaction is there should anyone add them.
 */
export function loggerOptions(log: HubLogOptions | false | undefined): Pick<FastifyServerOptions, 'logger'> {
  if (!log) return { logger: false };
  return {
    logger: {
      level: log.level ?? 'info',
      ...(log.destination ? { stream: log.destination } : {}),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-razorpay-signature"]', 'headers.authorization'], censor: '[redacted]' },
      serializers: {
        req: (req: LoggedRequest) => ({ method: req.method, url: loggableUrl(req.url), remoteAddress: req.ip }),
      },
    },
  };
}
