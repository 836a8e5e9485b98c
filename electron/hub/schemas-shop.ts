// JSON schemas for the whole-shop routes (journal intake, the owner's read API); owner keys and the
// webhook secret are in schemas-keys.ts, the rest in schemas.ts. Checked before a handler runs, never
// coerced; answers serialised by them.
import { MAX_BATCH_EVENTS, MAX_REPORTED_DAYS } from './journal/validate';

const STATES = ['creating', 'showing', 'paid', 'cancelled', 'expired', 'failed'] as const;
const COUNT = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;
const NULLABLE = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] });
const NULLABLE_TEXT = NULLABLE({ type: 'string' });
const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const TERMINAL_ID = { type: 'string', minLength: 1, maxLength: 64 } as const;

const stateTotal = { type: 'object', required: ['count', 'paise'], additionalProperties: false, properties: { count: COUNT, paise: COUNT } } as const;
const stateTotals = { type: 'object', required: [...STATES], additionalProperties: false, properties: Object.fromEntries(STATES.map((s) => [s, stateTotal])) } as const;

const journalEvent = {
  type: 'object',
  required: ['id', 'type', 'at', 'terminal', 'role', 'data'],
  properties: {
    id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    type: { type: 'string', maxLength: 64, pattern: '^[a-z][a-z_]*\\.[a-z][a-z_]*$' },
    at: { type: 'string', maxLength: 40 },
    terminal: { type: 'string', maxLength: 200 },
    role: { type: 'string', enum: ['staff', 'owner'] },
    // Its size, depth and contents are checked by the handler (journal/validate.ts).
    data: { type: 'object' },
  },
} as const;

export const journalBatchSchema = {
  body: {
    type: 'object',
    required: ['events'],
    properties: {
      events: { type: 'array', maxItems: MAX_BATCH_EVENTS, items: journalEvent },
      reported: { type: 'array', maxItems: MAX_REPORTED_DAYS, items: { type: 'object', required: ['day', 'sales'], properties: { day: DAY, sales: stateTotals } } },
    },
  },
  response: { 200: { type: 'object', required: ['accepted', 'duplicates', 'lastId'], properties: { accepted: { type: 'integer' }, duplicates: { type: 'integer' }, lastId: NULLABLE({ type: 'integer' }) } } },
} as const;

export const journalCursorSchema = {
  response: { 200: { type: 'object', required: ['lastId'], properties: { lastId: NULLABLE({ type: 'integer' }) } } },
} as const;

const shopTotals = {
  type: 'object',
  required: ['sales', 'collectedPaise', 'confirmedByBos', 'markedByHand', 'claimedByCounter', 'collectedByHour', 'latePayments'],
  properties: { sales: stateTotals, collectedPaise: COUNT, confirmedByBos: COUNT, markedByHand: COUNT, claimedByCounter: COUNT, collectedByHour: { type: 'array', items: COUNT }, latePayments: COUNT },
} as const;

const counterJournal = {
  type: 'object',
  required: ['bytes', 'bytesQuota', 'stuckSince'],
  properties: { bytes: COUNT, bytesQuota: NULLABLE(COUNT), stuckSince: NULLABLE_TEXT },
} as const;

const shop = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } } as const;
const dayParams = { type: 'object', required: ['day'], properties: { day: { type: 'string', maxLength: 10 } } } as const;

export const daySummarySchema = {
  params: dayParams,
  response: {
    200: {
      type: 'object',
      required: ['day', 'shop', 'all', 'counters'],
      properties: {
        day: { type: 'string' },
        shop,
        all: shopTotals,
        counters: {
          type: 'array',
          items: {
            type: 'object',
            required: ['terminalId', 'name', 'totals', 'reported', 'differs', 'lastContactAt', 'journal'],
            properties: { terminalId: { type: 'string' }, name: { type: 'string' }, totals: shopTotals, reported: NULLABLE(stateTotals), differs: { type: 'boolean' }, lastContactAt: NULLABLE_TEXT, journal: counterJournal },
          },
        },
      },
    },
  },
} as const;

const shopSale = {
  type: 'object',
  properties: {
    terminalId: { type: 'string' },
    terminalName: { type: 'string' },
    saleId: { type: 'string' },
    requestedAt: { type: 'string' },
    amountPaise: { type: 'integer' },
    state: { type: 'string' },
    confirmedBy: NULLABLE_TEXT,
    bosReference: NULLABLE_TEXT,
    utr: NULLABLE_TEXT,
    paidAt: NULLABLE_TEXT,
    paidAfterExpiry: { type: 'boolean' },
    paidAfterCancel: { type: 'boolean' },
    latePayment: NULLABLE({ type: 'object', required: ['amountPaise', 'utr', 'reason'], properties: { amountPaise: { type: 'integer' }, utr: NULLABLE_TEXT, reason: { type: 'string' } } }),
    errorCode: NULLABLE_TEXT,
    bosMessage: NULLABLE_TEXT,
  },
} as const;

export const daySalesSchema = {
  params: dayParams,
  querystring: { type: 'object', additionalProperties: false, properties: { terminal: TERMINAL_ID } },
  response: { 200: { type: 'object', required: ['day', 'sales'], properties: { day: { type: 'string' }, sales: { type: 'array', items: shopSale } } } },
} as const;
