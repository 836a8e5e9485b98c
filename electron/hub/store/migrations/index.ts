import * as m001 from './001_shops_terminals_payments';
import * as m002 from './002_journal_owner';
import * as m003 from './003_trust_keys';
import * as m004 from './004_trust_journal';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * In order; a released migration is never edited, only followed by a new one. Versions 3 and 4 were
 * written side by side: each touches only tables of 001 and 002, so either may be applied first.
 */
export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004];
