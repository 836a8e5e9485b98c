import type { FastifyServerOptions } from 'fastify';
import { HUB_ROUTES } from '../contract/hub';

export type HubLogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface HubLogOptions {
  level?: HubLogLevel;
  /** Where JSON lines go (default stdout). */
  destination?: { write(line: string): unknown };
}

const SECRET_SEGMENT = new RegExp(`^(${HUB_ROUTES.webhookPrefix.replace(/\//g, '\\/')})[^/?#]*`);

/** A URL fit for a log line: the webhook's secret segment masked, the query string dropped. */
export function loggableUrl(url: string | undefined): string {
  return (url ?? '').replace(SECRET_SEGMENT, '$1***').replace(/[?#].*$/, '');
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
