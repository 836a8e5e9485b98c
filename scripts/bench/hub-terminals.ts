// Terminals and the QRs on their screens, written straight to a bench hub's PostgreSQL tables: pairing
// 20,000 counters over HTTP is not what the load figures measure. Credentials are kept as the hub keeps
// them (its own hashSecret), so the hub takes them as if paired.
import type pg from 'pg';
import { hashSecret, newCredential } from '../../electron/hub/secrets';

export interface BenchTerminal {
  terminalId: string;
  credential: string;
}

/** The hub's (first) shop: made by the hub at its first start. */
export async function defaultShopId(client: pg.Client): Promise<string> {
  const row = (await client.query<{ id: string }>('select id from shops order by created_at limit 1')).rows[0];
  if (!row) throw new Error('the hub made no shop');
  return row.id;
}

export async function insertTerminals(client: pg.Client, shopId: string, count: number, prefix: string): Promise<BenchTerminal[]> {
  const terminals = Array.from({ length: count }, (_, i) => ({ terminalId: `term_${prefix}_${i}`, credential: newCredential() }));
  for (let from = 0; from < count; from += 5_000) {
    const part = terminals.slice(from, from + 5_000);
    await client.query(
      `insert into terminals (id, shop_id, name, role, credential_hash, paired_at)
       select id, $1, 'Counter ' || id, 'counter', hash, now() from unnest($2::text[], $3::text[]) as t(id, hash)`,
      [shopId, part.map((t) => t.terminalId), part.map((t) => hashSecret(t.credential))],
    );
  }
  return terminals;
}

/** One QR on a terminal's screen for each entry of `terminalOfQr` (that terminal's index); their QR ids, in order. */
export async function insertExpectations(client: pg.Client, shopId: string, terminals: readonly BenchTerminal[], terminalOfQr: readonly number[], prefix: string): Promise<string[]> {
  await client.query(
    `insert into expectations (terminal_id, sale_id, shop_id, qr_id, txn_ref, tr, amount_paise, expires_at, created_at)
     select ($1::text[])[t + 1], 'bench-' || n, $2, 'qr_' || $3 || '_' || n, 'TXN_' || $3 || '_' || n, null, 12050, null, now()
     from unnest($4::int[]) with ordinality as q(t, n)`,
    [terminals.map((t) => t.terminalId), shopId, prefix, terminalOfQr],
  );
  return terminalOfQr.map((_, k) => `qr_${prefix}_${k + 1}`);
}
