import type { Environment, OperationInput, SettingsView } from '../../../../electron/contract';
import { parseAmount } from '../../../../electron/contract/money';
import { amountText } from '../../lib/amountText';
import { t } from '../../i18n';
import { PREF_KEYS, prefsOf, type CounterPrefs } from './CounterPrefs';

export type Changes = OperationInput<'settings.update'>;
const CAP_CEILING_PAISE = 100_000_000_00;
const MIN_TOKEN_CHARS = 8;

/** The fields as typed; the token is not among them: it lives only in its input until Save sends it. */
export interface Draft {
  environment: Environment;
  liveBaseUrl: string;
  registrationId: string;
  statusCallLive: boolean;
  terminalName: string;
  cap: string;
  prefs: CounterPrefs;
}

/** A field of the form a problem belongs to (shown under it). */
export type DraftField = 'liveBaseUrl' | 'registrationId' | 'token' | 'terminalName' | 'cap';

export const draftOf = (view: SettingsView): Draft => ({
  prefs: prefsOf(view),
  environment: view.environment,
  liveBaseUrl: view.liveBaseUrl,
  registrationId: '',
  statusCallLive: view.statusCallLive,
  terminalName: view.terminalName,
  cap: amountText(view.capPaise),
});

/** Whether the form holds anything Save would send (or refuse): what leaving would lose. */
export const isDirty = (draft: Draft, tokenTyped: boolean, current: SettingsView): boolean =>
  tokenTyped || JSON.stringify(draft) !== JSON.stringify(draftOf(current));

/** Only what the owner changed, or the first reason it cannot be saved and the field it is about. */
export function changesFrom(draft: Draft, token: string, current: SettingsView): { changes: Changes } | { problem: string; field: DraftField } {
  const changes: Changes = {};
  if (draft.environment !== current.environment) changes.environment = draft.environment;
  const url = draft.liveBaseUrl.trim();
  if (url !== current.liveBaseUrl) {
    if (!URL.canParse(url)) return { problem: t.settings.liveBaseUrlInvalid, field: 'liveBaseUrl' };
    if (!url.startsWith('https://')) return { problem: t.settings.httpsOnly, field: 'liveBaseUrl' };
    changes.liveBaseUrl = url;
  }
  if (draft.registrationId.trim()) changes.registrationId = draft.registrationId.trim();
  if (draft.statusCallLive !== current.statusCallLive) changes.statusCallLive = draft.statusCallLive;
  if (token.trim()) {
    if (token.trim().length < MIN_TOKEN_CHARS) return { problem: t.settings.tokenTooShort, field: 'token' };
    changes.token = token.trim();
  }
  const name = draft.terminalName.trim();
  if (!name) return { problem: t.settings.terminalNameRequired, field: 'terminalName' };
  if (name !== current.terminalName) changes.terminalName = name;
  const cap = parseAmount(draft.cap, { capPaise: CAP_CEILING_PAISE });
  if (!cap.ok) return { problem: t.settings.capInvalid, field: 'cap' };
  if (cap.value !== current.capPaise) changes.capPaise = cap.value;
  const prefs = { ...draft.prefs, shopName: draft.prefs.shopName.trim() };
  for (const key of PREF_KEYS) {
    if (prefs[key] !== current[key]) Object.assign(changes, { [key]: prefs[key] });
  }
  return { changes };
}
