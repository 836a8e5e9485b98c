import { z } from 'zod';
import { daysInSpan, MAX_SHOP_EXPORT_DAYS } from './days';
import { PAIRING_CODE_LENGTH, pairingCodeDigits, pairingCodeProblem } from './pairing-code';
import { PIN_PATTERN } from './pin';

/** Digits as typed (leading zeros allowed, trimmed); long ids stay strings so no digit is lost. */
const digitString = (label: string, max: number) =>
  z.string().trim().max(max, `${label} is too long.`).regex(/^\d+$/, `${label} must be digits only.`);

export const saleIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const daySchema = z
  .string()
  .regex(DAY, 'A day is written YYYY-MM-DD.')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'That day does not exist.');

export const pinSchema = z.string().regex(PIN_PATTERN, 'The owner PIN is 4 to 8 digits.');

/** Marking a sale paid: the UTR when the cashier typed one, and the warnings they answered "mark paid anyway" to. */
const markPaidSchema = z
  .object({
    saleId: saleIdSchema,
    utr: z.string().trim().regex(/^\d{12}$/, 'The UPI reference (UTR) is 12 digits.').optional(),
    overrides: z.array(z.enum(['utr_reused', 'not_confirmed'])).max(4).optional(),
  })
  .strict();

/** https anywhere; plain http only to this computer (a hub on loopback, the embedded one, tests). */
export function hubUrlAllowed(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'https:') return true;
    return protocol === 'http:' && (hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname));
  } catch {
    return false;
  }
}

/** Longest span one export may cover. */
export const MAX_EXPORT_DAYS = 366;


export const inputSchemas = {
  'app.info': z.undefined(),
  'sale.current': z.undefined(),
  'sale.create': z.object({ amountPaise: z.number().int().positive().max(100_000_000_00) }).strict(),
  'sale.cancel': z.object({ saleId: saleIdSchema }).strict(),
  'sale.markPaid': markPaidSchema,
  'sale.markPaidLate': markPaidSchema,
  'refund.requestOtp': z.object({ referenceId: digitString('Reference ID', 30), ackNo: digitString('Ack No', 30) }).strict(),
  'refund.claim': z
    .object({
      referenceId: digitString('Reference ID', 30),
      ackNo: digitString('Ack No', 30),
      otp: z.string().trim().regex(/^\d{4,8}$/, 'The OTP is 4 to 8 digits.'),
    })
    .strict(),
  'refund.sandboxOtp': z.object({ referenceId: digitString('Reference ID', 30), ackNo: digitString('Ack No', 30) }).strict(),
  'history.day': z.object({ day: daySchema }).strict(),
  'history.export': z
    .object({ fromDay: daySchema, toDay: daySchema, format: z.enum(['csv', 'xlsx'], { message: 'An export is a CSV file or an Excel workbook (csv or xlsx).' }).optional() })
    .strict()
    .refine((r) => r.fromDay <= r.toDay, 'The first day must not be after the last day.')
    .refine((r) => Date.parse(r.toDay) - Date.parse(r.fromDay) < MAX_EXPORT_DAYS * 86_400_000, `One export covers at most ${MAX_EXPORT_DAYS} days.`),
  'owner.status': z.undefined(),
  'owner.setPin': z.object({ pin: pinSchema }).strict(),
  'owner.unlock': z.object({ pin: pinSchema }).strict(),
  'owner.lock': z.undefined(),
  'settings.testConnection': z.undefined(),
  'settings.displays': z.undefined(),
  'settings.get': z.undefined(),
  'settings.update': z
    .object({
      environment: z.enum(['sandbox', 'live']).optional(),
      liveBaseUrl: z.string().trim().max(200).url().refine((u) => u.startsWith('https://'), 'The live BOS address must be an https address.').optional(),
      registrationId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Registration ID has letters, digits and dashes only.').optional(),
      /** A new token, or null to clear it. Write-only: it is never read back. */
      token: z.string().trim().min(8).max(4096).regex(/^[\x21-\x7e]+$/, 'The token has unexpected characters.').nullable().optional(),
      terminalName: z.string().trim().min(1).max(40).optional(),
      capPaise: z.number().int().min(100).max(100_000_000_00).optional(),
      shopName: z.string().trim().max(60).optional(),
      language: z.enum(['en', 'hi']).optional(),
      theme: z.enum(['light', 'high-contrast']).optional(),
      customerDisplay: z.string().regex(/^(off|auto|display:\d{1,20})$/, 'Choose Off, Automatic or one of the listed displays.').optional(),
      paperWidth: z.enum(['58mm', '80mm', 'a4']).optional(),
      soundVolume: z.number().int().min(0).max(100).optional(),
      soundMuted: z.boolean().optional(),
      /** Live: ask BOS's QR status call too (only once BOS has confirmed it for the account). */
      statusCallLive: z.boolean().optional(),
      /** Only meaningful where the OS has no keyring: keep the token unencrypted on this machine. */
      plainTokenStorageAccepted: z.boolean().optional(),
    })
    .strict(),
  'settings.acceptPayee': z.object({ vpa: z.string().trim().min(3).max(300) }).strict(),
  'customer.open': z.undefined(),
  'hub.status': z.undefined(),
  'hub.connect': z
    .object({
      url: z.string().trim().max(300).url('The hub address is a web address, like https://hub.example.in.').refine(hubUrlAllowed, 'The hub address must be https (or http on this computer).'),
      code: z
        .string()
        .max(40)
        .transform(pairingCodeDigits)
        .refine((digits) => pairingCodeProblem(digits) !== 'length', `The pairing code is ${PAIRING_CODE_LENGTH} digits.`)
        .refine((digits) => pairingCodeProblem(digits) !== 'typo', 'That pairing code has a typo: one of its digits is not what the owner\'s screen shows. Check it digit by digit.'),
    })
    .strict(),
  'hub.disconnect': z.undefined(),
  'payments.late': z.undefined(),
  'payments.settleLate': z.object({ saleId: saleIdSchema, action: z.literal('refunded') }).strict(),
  'shop.day': z.object({ day: daySchema, terminalId: z.string().min(1).max(200).optional() }).strict(),
  'shop.export': z
    .object({
      fromDay: daySchema,
      toDay: daySchema,
      terminalId: z.string().min(1).max(200).optional(),
      format: z.enum(['csv', 'xlsx'], { message: 'An export is a CSV file or an Excel workbook (csv or xlsx).' }),
    })
    .strict()
    .refine((r) => r.fromDay <= r.toDay, 'The first day must not be after the last day.')
    .refine((r) => daysInSpan(r.fromDay, r.toDay) <= MAX_SHOP_EXPORT_DAYS, `One whole-shop export covers at most ${MAX_SHOP_EXPORT_DAYS} days. Export a longer span a month at a time.`),
  'hub.pairingCode': z.object({ role: z.enum(['counter', 'owner']), name: z.string().trim().min(1).max(60).optional() }).strict(),
  'hub.ownerKey': z.object({ label: z.string().trim().min(1).max(60).optional(), kind: z.enum(['owner', 'read', 'payments']).optional() }).strict(),
  'hub.ownerKeys': z.undefined(),
  'hub.revokeOwnerKey': z.object({ keyId: z.string().min(1).max(64) }).strict(),
  'hub.terminals': z.undefined(),
  'hub.revoke': z.object({ terminalId: z.string().min(1).max(200) }).strict(),
  'sale.simulatePayment': z.object({ saleId: saleIdSchema, amountPaise: z.number().int().positive().max(100_000_000_00).optional() }).strict(),
} as const;

export type OperationName = keyof typeof inputSchemas;
export type OperationInput<Op extends OperationName> = z.input<(typeof inputSchemas)[Op]>;
