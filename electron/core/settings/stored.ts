import { z } from 'zod';
import { DEFAULT_CAP_PAISE } from '../../contract/money';
import type { PayeeView, SettingsView } from '../../contract/views';

export const LIVE_BOS_URL = 'https://api.bos.center';

/** What is kept on disk by the settings store. The token is never in here: it goes through a SecretBox. */
export const storedSettingsSchema = z.object({
  environment: z.enum(['sandbox', 'live']).default('sandbox'),
  liveBaseUrl: z.string().url().refine((u) => u.startsWith('https://')).default(LIVE_BOS_URL),
  registrationId: z.string().max(64).default(''),
  terminalName: z.string().min(1).max(40).default('Counter 1'),
  capPaise: z.number().int().min(100).max(100_000_000_00).default(DEFAULT_CAP_PAISE),
  /** The owner PIN's salted scrypt hash and wrong-try count; never leaves main. */
  ownerPin: z
    .object({ hash: z.string().max(300).nullable(), failures: z.number().int().min(0).max(100), lockedUntil: z.number().min(0) })
    .default({ hash: null, failures: 0, lockedUntil: 0 }),
  /** Shown to customers (customer display, printed slips). */
  shopName: z.string().max(60).default(''),
  language: z.enum(['en', 'hi']).default('en'),
  theme: z.enum(['light', 'high-contrast']).default('light'),
  /** off, auto (a second display when there is one), or display:<id> for a named one. */
  customerDisplay: z.string().regex(/^(off|auto|display:\d{1,20})$/).default('auto'),
  paperWidth: z.enum(['58mm', '80mm', 'a4']).default('80mm'),
  soundVolume: z.number().int().min(0).max(100).default(60),
  soundMuted: z.boolean().default(false),
  /** Per BOS account (see AccountPayees): the payee its QRs pay, pinned by the first QR and changed only by the owner. */
  payees: z.record(z.string().max(300), z.object({ vpa: z.string().max(300), name: z.string().max(300), since: z.string().max(40) })).default({}),
  /** A QR refused for paying someone else: kept so the owner sees both payees in Settings and can accept it. */
  offeredPayee: z.object({ account: z.string().max(300), vpa: z.string().max(300), name: z.string().max(300), seenAt: z.string().max(40) }).nullable().default(null),
  /** The shop hub this counter is paired with (its credential is in the hub SecretBox), or null. */
  hub: z
    .object({
      url: z.string().max(300),
      terminalId: z.string().max(200),
      role: z.enum(['counter', 'owner']),
      shopId: z.string().max(200),
      shopName: z.string().max(200),
      /** The in-process hub of the sandbox default, not a shop's own. */
      embedded: z.boolean(),
      /** The last payment-stream position taken. */
      cursor: z.string().max(100).nullable(),
    })
    .nullable()
    .default(null),
  /** The QR status call (a second source of payment confirmation): off in Live until BOS confirms it for the account. */
  statusCallLive: z.boolean().default(false),
  /** The owner accepted keeping the token unencrypted on a machine without a keyring. */
  plainTokenStorageAccepted: z.boolean().default(false),
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

export const DEFAULT_SETTINGS: StoredSettings = storedSettingsSchema.parse({});

/** Where settings live: electron-store in the app, a JSON file in the preview, memory in tests. */
export interface SettingsStore {
  /** The raw stored value (may be anything, the app validates it). */
  read(): unknown;
  write(settings: StoredSettings): void;
}

/** Where the token lives: safeStorage in the app, memory in tests and the preview. */
export interface SecretBox {
  load(): Promise<string | null>;
  /** null clears. */
  save(secret: string | null): Promise<void>;
  /** How a saved token is kept: encrypted by the OS keyring, in memory for this session only, or in plain text (owner's choice). */
  protection(): Promise<TokenStorage>;
  /** The owner's answer to "keep the token unencrypted on this machine?" (only asked where encryption is unavailable). */
  allowPlainStorage(accepted: boolean): Promise<void>;
}

export type TokenStorage = SettingsView['tokenStorage'];

/** Reads stored settings, falling back field by field to defaults for anything invalid. */
export function readSettings(store: SettingsStore): StoredSettings {
  let raw: unknown;
  try {
    raw = store.read();
  } catch {
    return DEFAULT_SETTINGS;
  }
  const whole = storedSettingsSchema.safeParse(raw ?? {});
  if (whole.success) return whole.data;
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(storedSettingsSchema.shape) as Array<keyof StoredSettings>) {
    const field = storedSettingsSchema.shape[key].safeParse(source[key]);
    settings[key] = field.success ? field.data : DEFAULT_SETTINGS[key];
  }
  return storedSettingsSchema.parse(settings);
}

export function maskRegistrationId(id: string): string | null {
  if (!id) return null;
  if (id.length <= 4) return '•'.repeat(id.length);
  return `${id.slice(0, 4)}${'•'.repeat(Math.min(id.length - 5, 6))}${id.slice(-1)}`;
}

export function toSettingsView(settings: StoredSettings, token: string | null, tokenStorage: TokenStorage, payee: PayeeView): SettingsView {
  return {
    payee,
    tokenStorage,
    environment: settings.environment,
    liveBaseUrl: settings.liveBaseUrl,
    registrationIdHint: maskRegistrationId(settings.registrationId),
    tokenConfigured: Boolean(token),
    tokenLast4: token && token.length >= 12 ? token.slice(-4) : null,
    terminalName: settings.terminalName,
    capPaise: settings.capPaise,
    shopName: settings.shopName,
    language: settings.language,
    theme: settings.theme,
    customerDisplay: settings.customerDisplay,
    paperWidth: settings.paperWidth,
    soundVolume: settings.soundVolume,
    soundMuted: settings.soundMuted,
    statusCallLive: settings.statusCallLive,
  };
}
