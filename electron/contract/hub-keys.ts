/**
 * The hub's wire protocol for the shop's secrets: owner keys (what each kind may do, who made it, its
 * listing) and the webhook secret's rotation. Types only; contract/hub.ts re-exports them.
 */

/**
 * What an owner key may do. `owner`: the read API, the terminals and counter pairing codes; `read`: the
 * read API only (an accountant's spreadsheet); `payments`: cloud billing, no owner call at all. No key
 * of any kind makes owner pairing codes or keys, revokes, or rotates the webhook secret: those are an
 * owner terminal's (and the hub's command line's).
 */
export type OwnerKeyKind = 'owner' | 'read' | 'payments';

/**
 * Who made a key. `terminal`: an owner terminal (the key dies when that terminal is revoked);
 * `command`: the hub's command line (the owner's, until revoked); `start`: `--owner-key` (the
 * operator's, replaced by another and revoked once the hub starts without it); `earlier`: made
 * before the hub kept this (revoke it unless you know it).
 */
export type OwnerKeyOrigin = 'terminal' | 'command' | 'start' | 'earlier';

/** POST /v1/owner-keys (owner terminal): a key for the owner's other tools, `read` unless asked otherwise. */
export interface OwnerKeyRequest {
  label?: string;
  kind?: OwnerKeyKind;
}
/** Shown once; the hub keeps only its hash. */
export interface OwnerKeyAnswer {
  key: string;
  keyId: string;
  label: string;
  kind: OwnerKeyKind;
  createdAt: string;
}

/** GET /v1/owner-keys (owner terminal): every key of the shop, revoked ones too, oldest first. DELETE answers one. */
export interface OwnerKeyListing {
  keyId: string;
  label: string;
  kind: OwnerKeyKind;
  createdAt: string;
  origin: OwnerKeyOrigin;
  /** The owner terminal that made it (origin `terminal`), else null. */
  madeBy: { terminalId: string; name: string } | null;
  /** Its last use, ISO 8601 (written at most every half minute), or null. */
  lastUsedAt: string | null;
  revoked: boolean;
}

export interface OwnerKeysAnswer {
  keys: OwnerKeyListing[];
}

/**
 * POST /v1/webhook-secret (owner terminal): the shop's webhook URL gets a new secret. The answer is the
 * only place it is ever shown; the hub keeps its hash. The secret before it keeps working until
 * `previousValidUntil` (give BOS the new URL meanwhile); `graceHours` 0 ends it at once.
 */
export interface WebhookSecretRequest {
  graceHours?: number;
}
export interface WebhookSecretAnswer {
  /** The hub's public address (`--public-url`) or the address this request came to, with the new path. */
  webhookUrl: string;
  previousValidUntil: string | null;
}
