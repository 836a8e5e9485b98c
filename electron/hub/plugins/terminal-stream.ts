import type { ServerResponse } from 'node:http';
import { HUB_STREAM_EVENT } from '../../contract/hub';
import { CursorStream, type CursorStreamDeps } from './cursor-stream';

export interface TerminalStreamDeps extends CursorStreamDeps {
  onEnd: (stream: TerminalStream) => void;
}

/** One terminal's payments as server-sent events (`event: payment`, `id: <delivery cursor>`), from its cursor on. */
export class TerminalStream extends CursorStream {
  declare readonly terminalId: string;

  constructor(res: ServerResponse, terminalId: string, cursor: number, deps: TerminalStreamDeps) {
    super(
      res,
      terminalId,
      cursor,
      {
        event: HUB_STREAM_EVENT,
        what: 'stream',
        logFields: { terminalId },
        page: async (after, limit) => (await deps.store.paymentsAfter(terminalId, after, limit)).map((item) => ({ cursor: item.cursor, data: item.payment })),
      },
      deps,
      (stream) => deps.onEnd(stream as TerminalStream),
    );
  }
}
