import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HubErrorBody, HubErrorCode } from '../contract/hub';
import { StoreError } from './store/errors';

/** An answer the hub means to give: status, contract code, words for the person reading the log or screen. */
export class HubHttpError extends Error {
  override readonly name = 'HubHttpError';
  constructor(
    readonly statusCode: number,
    readonly code: HubErrorCode,
    message: string,
    /** Seconds, for 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const errorBody = (code: HubErrorCode, message: string): HubErrorBody => ({ error: { code, message } });

export const badRequest = (message: string) => new HubHttpError(400, 'bad_request', message);
export const unauthorized = (message: string) => new HubHttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HubHttpError(403, 'forbidden', message);
export const notFound = (message = 'Nothing is here.') => new HubHttpError(404, 'not_found', message);
export const conflict = (message: string) => new HubHttpError(409, 'conflict', message);
export const rateLimited = (waitMs: number) => new HubHttpError(429, 'rate_limited', 'Too many failed attempts: wait and try again.', Math.max(1, Math.ceil(waitMs / 1000)));

const CODE_FOR_STATUS: Record<number, HubErrorCode> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'not_found', 409: 'conflict', 413: 'too_large', 429: 'rate_limited' };

interface Answer {
  status: number;
  body: HubErrorBody;
  retryAfter?: number;
}

/** Every failure as a contract answer; only a fault of the hub's own is a 5xx, and its words say nothing inside. */
export function answerFor(error: unknown): Answer {
  if (error instanceof HubHttpError) return { status: error.statusCode, body: errorBody(error.code, error.message), ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}) };
  if (error instanceof StoreError) return { status: 503, body: errorBody('unavailable', 'The hub cannot reach its database just now; try again.') };
  const fastify = error as Partial<FastifyError>;
  if (fastify.validation) return { status: 400, body: errorBody('bad_request', `The request is not as expected: ${fastify.message ?? ''}`.trim()) };
  const status = typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500 ? fastify.statusCode : 500;
  if (status === 413) return { status, body: errorBody('too_large', 'The request body is too large.') };
  if (status === 500) return { status, body: errorBody('internal', 'The hub failed to answer; try again.') };
  return { status, body: errorBody(CODE_FOR_STATUS[status] ?? 'bad_request', fastify.message ?? 'The request is not as expected.') };
}

function send(reply: FastifyReply, answer: Answer): FastifyReply {
  if (answer.retryAfter) reply.header('Retry-After', String(answer.retryAfter));
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const answer = answerFor(error);
    if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
    return send(reply, answer);
  });
  app.setNotFoundHandler((_request, reply) => send(reply, { status: 404, body: errorBody('not_found', 'Nothing is here.') }));
}

/** Errors Fastify meets before routing (a URL it cannot decode, a bad header): the same JSON answers. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void send(reply, answerFor(error.statusCode && error.statusCode < 500 ? error : Object.assign(error, { statusCode: 400 })));
}

/** A request Node's parser cannot read at all (a malformed request line): a plain 400, then close. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(errorBody(error.code === 'HPE_HEADER_OVERFLOW' ? 'too_large' : 'bad_request', 'The request could not be read.'));
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
