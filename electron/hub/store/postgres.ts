import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { storeCall } from './errors';
import type { SqlDriver, SqlRow, SqlRunner, SqlValue, StoreSignal } from './sql';

const CHANNEL = 'counter_hub';
export const LISTENER_NAME = 'counter-hub-listen';
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient | pg.Client;

// Each parameterised statement is prepared once per connection under a name derived from its text: the
// server parses and plans it once, not on every webhook.
const statementNames = new Map<string, string>();
const statementName = (text: string): string => {
  let name = statementNames.get(text);
  if (!name) {
    name = `hub_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
};

const runner = (db: Queryable): SqlRunner => ({
  query: (text, params) =>
    storeCall('query', async () => (params && params.length > 0 ? await db.query<SqlRow>({ name: statementName(text), text, values: params as SqlValue[] }) : await db.query<SqlRow>(text)).rows),
  exec: (text) => storeCall('exec', async () => void (await db.query(text))),
});

export interface PostgresDriverOptions {
  /** Told of connection trouble the driver recovers from by itself (an idle client dropped, LISTEN lost). */
  onTrouble?: (what: string, error: unknown) => void;
  poolSize?: number;
}

function encodeSignal(instance: string, signal: StoreSignal): string {
  if (signal.kind === 'resync') return `${instance} resync`;
  return signal.kind === 'shop' ? `${instance} shop ${signal.shopId}` : `${instance} ${signal.kind} ${signal.terminalId}`;
}

function decodeSignal(instance: string, payload: string): StoreSignal | null {
  const [from, kind, id] = payload.split(' ');
  if (from === instance) return null; // this process already told its own streams
  if ((kind === 'delivery' || kind === 'revoked') && id) return { kind, terminalId: id };
  if (kind === 'shop' && id) return { kind, shopId: id };
  return kind === 'resync' ? { kind: 'resync' } : null;
}

/** A pg Pool for queries and one dedicated connection that LISTENs, reconnecting when it drops. */
export async function openPostgresDriver(connectionString: string, options: PostgresDriverOptions = {}): Promise<SqlDriver> {
  const trouble = options.onTrouble ?? (() => {});
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, application_name: 'counter-hub' });
  // An idle client losing its connection emits here; without a listener it would take the process down.
  pool.on('error', (error) => trouble('idle database connection lost', error));
  const instance = randomBytes(6).toString('hex');
  const top = runner(pool);
  try {
    await top.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }

  let closed = false;
  let listener: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let onSignal: ((signal: StoreSignal) => void) | null = null;

  const connectListener = async (delayMs: number): Promise<void> => {
    if (closed || !onSignal) return;
    // Named, so an operator (or a test) can find it in pg_stat_activity.
    const client = new pg.Client({ connectionString, application_name: LISTENER_NAME });
    const lost = (error?: unknown) => {
      if (listener !== client) return;
      listener = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      if (closed) return;
      trouble('LISTEN connection lost', error);
      retryTimer = setTimeout(() => void connectListener(Math.min(delayMs * 2, RECONNECT_MAX_MS)), delayMs);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      const signal = message.channel === CHANNEL && message.payload ? decodeSignal(instance, message.payload) : null;
      if (signal) onSignal?.(signal);
    });
    listener = client;
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch (error) {
      lost(error);
      return;
    }
    // Whatever was announced while nobody here was listening is in the tables: every stream re-reads.
    onSignal?.({ kind: 'resync' });
  };

  return {
    kind: 'postgresql',
    query: top.query,
    exec: top.exec,
    transaction: (fn) => storeCall('transaction', async () => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn(runner(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    }),
    announce: async (tx, signal) => {
      await tx.query('select pg_notify($1, $2)', [CHANNEL, encodeSignal(instance, signal)]);
    },
    listen: (callback) => {
      onSignal = callback;
      void connectListener(RECONNECT_MIN_MS);
    },
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const client = listener;
      listener = null;
      await Promise.allSettled([client?.end(), pool.end()]);
    },
  };
}
