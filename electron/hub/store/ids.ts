import { randomBytes } from 'node:crypto';

/** `shop_…`, `term_…`: 20 random characters, stable for the life of the row. */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(15).toString('base64url')}`;
}
