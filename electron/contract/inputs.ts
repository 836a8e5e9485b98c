import type { z as Zod } from 'zod';
import { daysInSpan, MAX_SHOP_EXPORT_DAYS } from './days';
import { LANGUAGES } from './languages';
import { PAIRING_CODE_LENGTH, pairingCodeDigits, pairingCodeProblem } from './pairing-code';
import { PIN_PATTERN } from './pin';

/**
 * The parts operations' inputs are made of, each built from the zod handed in (contract/schemas.ts
 * hands in the real one). Nothing here imports zod: the table in operations.ts, which the preload and
 * the preview's bridge import, stays free of it.
 */
export type Zod = typeof Zod;
export type InputSchema = Zod.ZodType;

/** No input at all. */
export const none = (z: Zod) => z.undefined();

/** Digits as typed (leading zeros allowed, trimmed); long ids stay strings so no digit is lost. */
export const digits = (z: Zod, label: string, max: number) => z.string().trim().max(max, `${label} is too long.`).regex(/^\d+$/, `${label} must be digits only.`);

export const saleId = (z: Zod) => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const amountPaise = (z: Zod) => z.number().int().positive().max(100_000_000_00);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const day = (z: Zod) =>
  z
    .string()
    .regex(DAY, 'A day is written YYYY-MM-DD.')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'That day does not exist.');

export const pin = (z: Zod) => z.string().regex(PIN_PATTERN, 'The owner PIN is 4 to 8 digits.');

/** Marking a sale paid: the UTR when the cashier typed one, and the warnings they answered "mark paid anyway" to. */
export const markPaid = (z: Zod) =>
  z
    .object({
      saleId: saleId(z),
      utr: z.string().trim().regex(/^\d{12}$/, 'The UPI reference (UTR) is 12 digits.').optional(),
      overrides: z.array(z.enum(['utr_reused', 'not_confirmed'])).max(4).optional(),
    })
    .strict();

export const refundIds = (z: Zod) => ({ referenceId: digits(z, 'Reference ID', 30), ackNo: digits(z, 'Ack No', 30) });

export const exportFormat = (z: Zod) => z.enum(['csv', 'xlsx'], { message: 'An export is a CSV file or an Excel workbook (csv or xlsx).' });

/** Longest span one export of this counter's history may cover. */
export const MAX_EXPORT_DAYS = 366;

export const historyExport = (z: Zod) =>
  z
    .object({ fromDay: day(z), toDay: day(z), format: exportFormat(z).optional() })
    .strict()
    .refine((r) => r.fromDay <= r.toDay, 'The first day must not be after the last day.')
    .refine((r) => Date.parse(r.toDay) - Date.parse(r.fromDay) < MAX_EXPORT_DAYS * 86_400_000, `One export covers at most ${MAX_EXPORT_DAYS} days.`);

export const shopExport = (z: Zod) =>
  z
    .object({ fromDay: day(z), toDay: day(z), terminalId: z.string().min(1).max(200).optional(), format: exportFormat(z) })
    .strict()
    .refine((r) => r.fromDay <= r.toDay, 'The first day must not be after the last day.')
    .refine((r) => daysInSpan(r.fromDay, r.toDay) <= MAX_SHOP_EXPORT_DAYS, `One whole-shop export covers at most ${MAX_SHOP_EXPORT_DAYS} days. Export a longer span a month at a time.`);

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

export const hubPairing = (z: Zod) =>
  z
    .object({
      url: z.string().trim().max(300).url('The hub address is a web address, like https://hub.example.in.').refine(hubUrlAllowed, 'The hub address must be https (or http on this computer).'),
      code: z
        .string()
        .max(40)
        .transform(pairingCodeDigits)
        .refine((digits) => pairingCodeProblem(digits) !== 'length', `The pairing code is ${PAIRING_CODE_LENGTH} digits.`)
        .refine((digits) => pairingCodeProblem(digits) !== 'typo', 'That pairing code has a typo: one of its digits is not what the owner\'s screen shows. Check it digit by digit.'),
    })
    .strict();

export const settingsChanges = (z: Zod) =>
  z
    .object({
      environment: z.enum(['sandbox', 'live']).optional(),
      liveBaseUrl: z.string().trim().max(200).url().refine((u) => u.startsWith('https://'), 'The live BOS address must be an https address.').optional(),
      registrationId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Registration ID has letters, digits and dashes only.').optional(),
      /** A new token, or null to clear it. Write-only: it is never read back. */
      token: z.string().trim().min(8).max(4096).regex(/^[\x21-\x7e]+$/, 'The token has unexpected characters.').nullable().optional(),
      terminalName: z.string().trim().min(1).max(40).optional(),
      capPaise: z.number().int().min(100).max(100_000_000_00).optional(),
      shopName: z.string().trim().max(60).optional(),
      language: z.enum(LANGUAGES).optional(),
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
    .strict();
