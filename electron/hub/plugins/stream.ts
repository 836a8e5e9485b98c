import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES } from '../../contract/hub';
import { streamSchema } from '../schemas';
import { terminalOf } from './auth';
import type { HubDeps } from './deps';
import { TerminalStream } from './terminal-stream';

/** GET /v1/stream: this terminal's payments as server-sent events, from its cursor on. */
export async function streamPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  const unsubscribe = deps.store.subscribe((signal) => deps.streams.signal(signal));
  // Open streams would hold the server's close forever: end them first (they resume from their cursors).
  app.addHook('preClose', async () => {
    unsubscribe();
    deps.streams.endAll();
  });

  app.get<{ Querystring: { after?: string } }>(HUB_ROUTES.stream, { schema: streamSchema, exposeHeadRoute: false }, async (request, reply) => {
    const terminal = terminalOf(request);
    const header = request.headers['last-event-id'];
    const cursor = Number((typeof header === 'string' ? header : undefined) ?? request.query.after ?? 0);
    reply.hijack();
    const stream = new TerminalStream(reply.raw, terminal.id, cursor, {
      store: deps.store,
      pingMs: deps.pingMs,
      touch: deps.touch,
      log: request.log,
      onEnd: (s) => deps.streams.remove(s),
    });
    deps.streams.add(stream);
    stream.start();
  });
}
