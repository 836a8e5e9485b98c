import * as m001 from './001_shops_terminals_payments';
import * as m002 from './002_journal_owner';
import * as m003 from './003_trust_keys';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003];
