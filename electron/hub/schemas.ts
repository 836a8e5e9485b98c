// JSON schemas for every route: requests are checked before a handler runs (types are never coerced),
// answers are serialised by them, so nothing a handler did not mean to send leaves the hub.
// Something to read (not only spaces), and no control characters.
const NAME = { type: 'string', minLength: 1, maxLength: 60, pattern: '^(?=.*\\S)[^\\u0000-\\u001f\\u007f]+$' } as const;
const REF = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' } as const;
const ISO = { type: 'string' } as const;
const NULLABLE = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] });
const ROLE = { type: 'string', enum: ['counter', 'owner'] } as const;

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;

const shop = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } } as const;

export const pairSchema = {
  body: {
    type: 'object',
    required: ['code', 'name'],
    additionalProperties: false,
    // The code's sixteen digits and its check digit are checked by the handler, so a malformed guess counts as a wrong one.
    properties: { code: { type: 'string', maxLength: 32 }, name: NAME },
  },
  response: {
    200: { type: 'object', required: ['terminalId', 'credential', 'role', 'shop'], properties: { terminalId: { type: 'string' }, credential: { type: 'string' }, role: ROLE, shop } },
  },
} as const;

export const meSchema = {
  response: { 200: { type: 'object', required: ['terminalId', 'name', 'role', 'shop'], properties: { terminalId: { type: 'string' }, name: { type: 'string' }, role: ROLE, shop } } },
} as const;

export const pairingCodeSchema = {
  body: { type: 'object', required: ['role'], additionalProperties: false, properties: { role: ROLE, name: NAME } },
  response: { 200: { type: 'object', required: ['code', 'role', 'expiresAt'], properties: { code: { type: 'string' }, role: ROLE, expiresAt: ISO } } },
} as const;

const terminalListing = {
  type: 'object',
  required: ['terminalId', 'name', 'role', 'pairedAt', 'lastSeenAt', 'revoked'],
  properties: { terminalId: { type: 'string' }, name: { type: 'string' }, role: ROLE, pairedAt: ISO, lastSeenAt: NULLABLE(ISO), revoked: { type: 'boolean' } },
} as const;

export const terminalsSchema = {
  response: { 200: { type: 'object', required: ['terminals'], properties: { terminals: { type: 'array', items: terminalListing } } } },
} as const;

export const revokeSchema = {
  params: { type: 'object', required: ['terminalId'], properties: { terminalId: { type: 'string', minLength: 1, maxLength: 64 } } },
  response: { 200: terminalListing },
} as const;

export const expectationSchema = {
  body: {
    type: 'object',
    required: ['saleId', 'qrId', 'txnRef', 'tr', 'amountPaise', 'expiresAt'],
    additionalProperties: false,
    properties: {
      saleId: REF,
      qrId: REF,
      txnRef: REF,
      tr: NULLABLE(REF),
      amountPaise: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
      expiresAt: NULLABLE({ type: 'string', maxLength: 64 }),
    },
  },
  response: { 200: { type: 'object', required: ['saleId', 'created'], properties: { saleId: { type: 'string' }, created: { type: 'boolean' } } } },
} as const;

const paymentProperties = {
  paymentId: { type: 'string' },
  qrId: NULLABLE({ type: 'string' }),
  txnRef: NULLABLE({ type: 'string' }),
  tr: NULLABLE({ type: 'string' }),
  amountPaise: { type: 'integer' },
  currency: { type: 'string' },
  utr: NULLABLE({ type: 'string' }),
  payerVpa: NULLABLE({ type: 'string' }),
  event: { type: 'string' },
  receivedAt: ISO,
} as const;

// Why the owner is shown it (no claim, or two), and whose claims those were.
const heldProperties = { reason: { type: 'string', enum: ['unclaimed', 'claimed_twice'] }, claimedBy: { type: 'array', items: { type: 'string' } } } as const;

export const unmatchedSchema = {
  response: { 200: { type: 'object', required: ['payments'], properties: { payments: { type: 'array', items: { type: 'object', properties: { ...paymentProperties, ...heldProperties } } } } } },
} as const;

const CURSOR = { type: 'string', pattern: '^\\d{1,15}$' } as const;

export const streamSchema = {
  querystring: { type: 'object', properties: { after: CURSOR } },
  headers: { type: 'object', properties: { 'last-event-id': CURSOR } },
} as const;

export const healthSchema = {
  response: { 200: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } } },
} as const;

export const webhookSchema = {
  params: { type: 'object', required: ['secret'], properties: { secret: { type: 'string', maxLength: 128 } } },
  response: { 200: { type: 'object', required: ['status', 'message', 'duplicate'], properties: { status: { type: 'string' }, message: { type: 'string' }, duplicate: { type: 'boolean' } } } },
} as const;
