import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES, type JournalBatch, type JournalBatchAnswer, type JournalCursorAnswer } from '../../contract/hub';
import { answerFor, badRequest, HubHttpError } from '../errors';
import { checkBatch, MAX_BATCH_EVENTS, MAX_DATA_BYTES } from '../journal/validate';
import { journalBatchSchema, journalCursorSchema } from '../schemas-shop';
import type { OverQuota } from '../store/types';
import { terminalOf } from './auth';
import type { HubDeps } from './deps';

// 500 events of at most 16 KB of data each, with their envelopes: the contract's largest batch fits.
export const JOURNAL_BODY_LIMIT = MAX_BATCH_EVENTS * (MAX_DATA_BYTES + 512) + 64 * 1024;
/** Terminals told to wait, remembered so a sender that does not wait costs no database call; bounded against junk. */
const WAITING_MAX = 10_000;

const overWords = (over: OverQuota): string =>
  over.over === 'events_per_minute'
    ? 'This counter sent more journal lines this minute than the hub takes from one terminal'
    : "This counter's journal has reached the hub's daily size for one terminal; the rest is taken from midnight (IST)";

const waitOut = (over: OverQuota) => new HubHttpError(429, 'rate_limited', `${overWords(over)}. Nothing of this batch was kept: send it again after Retry-After.`, Math.max(1, Math.ceil(over.retryAfterMs / 1000)));

/**
 * POST /v1/journal and GET /v1/journal/cursor: a terminal's journal, kept once per event id, within its
 * quota (events a minute, bytes a shop day: the hub's `journalQuota`).
 * A batch the hub fails to keep by its own fault is counted against the terminal's journal health.
 */
export async function journalPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  const quota = deps.journalQuota;
  const waiting = new Map<string, OverQuota & { until: number }>();

  app.post<{ Body: JournalBatch }>(HUB_ROUTES.journal, { schema: journalBatchSchema, bodyLimit: JOURNAL_BODY_LIMIT }, async (request): Promise<JournalBatchAnswer> => {
    const terminal = terminalOf(request);
    const now = deps.now();
    const told = waiting.get(terminal.id);
    if (told && told.until > now) throw waitOut({ ...told, retryAfterMs: told.until - now });
    const batch = checkBatch(request.body);
    if (!batch.ok) throw badRequest(`The batch was not kept: ${batch.reason}.`);
    let intake;
    try {
      intake = await deps.store.recordJournal(terminal, batch.events, batch.reported, now, quota);
    } catch (error) {
      const { status, body } = answerFor(error);
      // The hub's own failure: the counter retries, and once that goes on the owner sees its journal stuck.
      if (status >= 500) await deps.store.noteJournalFailure(terminal, now, `${status} ${body.error.code}`).catch(() => undefined);
      throw error;
    }
    if (intake.kind === 'over_quota') {
      if (waiting.size >= WAITING_MAX) waiting.clear();
      waiting.set(terminal.id, { ...intake, until: now + intake.retryAfterMs });
      request.log.warn({ terminalId: terminal.id, over: intake.over, retryAfterMs: intake.retryAfterMs }, 'journal batch over quota');
      throw waitOut(intake);
    }
    waiting.delete(terminal.id);
    if (intake.accepted > 0 || intake.days.length > 0) request.log.info({ terminalId: terminal.id, accepted: intake.accepted, duplicates: intake.duplicates, lastId: intake.lastId }, 'journal batch kept');
    return { accepted: intake.accepted, duplicates: intake.duplicates, lastId: intake.lastId };
  });

  app.get(HUB_ROUTES.journalCursor, { schema: journalCursorSchema }, async (request): Promise<JournalCursorAnswer> => ({ lastId: await deps.store.journalCursor(terminalOf(request).id) }));
}
