/** The little SQL surface both drivers (PGlite, pg Pool) give the store: one set of SQL runs on either. */
export type SqlValue = string | number | boolean | null | Uint8Array | readonly (string | null)[];
export type SqlRow = Record<string, unknown>;

export interface SqlRunner {
  query(text: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

/** A change other hub processes on the same database must hear of. `shop`: a counter's journal came in (the owner's stream). */
export type StoreSignal = { kind: 'delivery' | 'revoked'; terminalId: string } | { kind: 'shop'; shopId: string } | { kind: 'resync' };

export interface SqlDriver extends SqlRunner {
  readonly kind: 'pglite' | 'postgresql';
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Inside a transaction: tell the other processes once it commits (PostgreSQL NOTIFY). PGlite has no other processes. */
  announce(tx: SqlRunner, signal: StoreSignal): Promise<void>;
  /** Signals from other processes; `resync` after the listening connection was lost and is back. */
  listen(onSignal: (signal: StoreSignal) => void): void;
  close(): Promise<void>;
}
