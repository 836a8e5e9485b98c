import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type JournalBatch, type JournalBatchAnswer, type JournalCursorAnswer } from '../../contract/hub';
import { badRequest } from '../errors';
import { checkBatch, MAX_BATCH_EVENTS, MAX_DATA_BYTES } from '../journal/validate';
import { journalBatchSchema, journalCursorSchema } from '../schemas-shop';
import { terminalOf } from './auth';
import type { HubDeps } from './deps';

// 500 events of at most 16 KB of data each, with their envelopes: the contract's largest batch fits.
export const JOURNAL_BODY_LIMIT = MAX_BATCH_EVENTS * (MAX_DATA_BYTES + 512) + 64 * 1024;

/** POST /v1/journal and GET /v1/journal/cursor: a terminal's journal, kept once per event id. */
export async function journalPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  app.post<{ Body: JournalBatch }>(HUB_ROUTES.journal, { schema: journalBatchSchema, bodyLimit: JOURNAL_BODY_LIMIT }, async (request): Promise<JournalBatchAnswer> => {
    const terminal = terminalOf(request);
    const batch = checkBatch(request.body);
    if (!batch.ok) throw badRequest(`The batch was not kept: ${batch.reason}.`);
    const intake = await deps.store.recordJournal(terminal, batch.events, batch.reported, deps.now());
    if (intake.accepted > 0 || intake.days.length > 0) request.log.info({ terminalId: terminal.id, accepted: intake.accepted, duplicates: intake.duplicates, lastId: intake.lastId }, 'journal batch kept');
    return { accepted: intake.accepted, duplicates: intake.duplicates, lastId: intake.lastId };
  });

  app.get(HUB_ROUTES.journalCursor, { schema: journalCursorSchema }, async (request): Promise<JournalCursorAnswer> => ({ lastId: await deps.store.journalCursor(terminalOf(request).id) }));
}
