// JSON schemas for the owner's keys and the webhook secret: checked before a handler runs (never
// coerced), answers serialised by them, so a key's hash never leaves the hub by accident.
const NULLABLE = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] });
const LABEL = { type: 'string', minLength: 1, maxLength: 60, pattern: '^(?=.*\\S)[^\\u0000-\\u001f\\u007f]+$' } as const;
const KIND = { type: 'string', enum: ['owner', 'read', 'payments'] } as const;
const KEY_ID = { type: 'string', minLength: 1, maxLength: 64 } as const;

export const makeOwnerKeySchema = {
  body: NULLABLE({ type: 'object', additionalProperties: false, properties: { label: LABEL, kind: KIND } }),
  response: {
    200: { type: 'object', required: ['key', 'keyId', 'label', 'kind', 'createdAt'], properties: { key: { type: 'string' }, keyId: { type: 'string' }, label: { type: 'string' }, kind: KIND, createdAt: { type: 'string' } } },
  },
} as const;

const listing = {
  type: 'object',
  required: ['keyId', 'label', 'kind', 'createdAt', 'origin', 'madeBy', 'lastUsedAt', 'revoked'],
  properties: {
    keyId: { type: 'string' },
    label: { type: 'string' },
    kind: KIND,
    createdAt: { type: 'string' },
    origin: { type: 'string', enum: ['terminal', 'command', 'start', 'earlier'] },
    madeBy: NULLABLE({ type: 'object', required: ['terminalId', 'name'], properties: { terminalId: { type: 'string' }, name: { type: 'string' } } }),
    lastUsedAt: NULLABLE({ type: 'string' }),
    revoked: { type: 'boolean' },
  },
} as const;

export const listOwnerKeysSchema = {
  response: { 200: { type: 'object', required: ['keys'], properties: { keys: { type: 'array', items: listing } } } },
} as const;

export const revokeOwnerKeySchema = {
  params: { type: 'object', required: ['keyId'], properties: { keyId: KEY_ID } },
  response: { 200: listing },
} as const;

export const webhookSecretSchema = {
  body: NULLABLE({ type: 'object', additionalProperties: false, properties: { graceHours: { type: 'integer', minimum: 0, maximum: 168 } } }),
  response: { 200: { type: 'object', required: ['webhookUrl', 'previousValidUntil'], properties: { webhookUrl: { type: 'string' }, previousValidUntil: NULLABLE({ type: 'string' }) } } },
} as const;
