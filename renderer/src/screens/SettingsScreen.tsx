import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Environment, OperationInput, PosError, SettingsView } from '../../../electron/contract';
import { parseAmount } from '../../../electron/contract/money';
import { ErrorBox } from '../components/ErrorBox';
import { callPos } from '../hooks/usePos';
import { useOwner } from '../hooks/useOwner';
import { useSingleFlight } from '../hooks/useSingleFlight';
import { amountText } from '../lib/amountText';
import { t } from '../i18n';
import { ConnectionTest } from './settings/ConnectionTest';
import { CounterPrefsFields, PREF_KEYS, prefsOf, type CounterPrefs } from './settings/CounterPrefs';
import { SetPinForm } from './settings/SetPinForm';

type Changes = OperationInput<'settings.update'>;
const CAP_CEILING_PAISE = 100_000_000_00;
const MIN_TOKEN_CHARS = 8;

/** The fields as typed; the token is not among them: it lives only in its input until Save sends it. */
interface Draft {
  environment: Environment;
  liveBaseUrl: string;
  registrationId: string;
  terminalName: string;
  cap: string;
  prefs: CounterPrefs;
}

const draftOf = (view: SettingsView): Draft => ({
  prefs: prefsOf(view),
  environment: view.environment,
  liveBaseUrl: view.liveBaseUrl,
  registrationId: '',
  terminalName: view.terminalName,
  cap: amountText(view.capPaise),
});

/** Only what the owner changed, or the first reason it cannot be saved. */
export function changesFrom(draft: Draft, token: string, current: SettingsView): { changes: Changes } | { problem: string } {
  const changes: Changes = {};
  if (draft.environment !== current.environment) changes.environment = draft.environment;
  const url = draft.liveBaseUrl.trim();
  if (url !== current.liveBaseUrl) {
    if (!URL.canParse(url)) return { problem: t.settings.liveBaseUrlInvalid };
    if (!url.startsWith('https://')) return { problem: t.settings.httpsOnly };
    changes.liveBaseUrl = url;
  }
  if (draft.registrationId.trim()) changes.registrationId = draft.registrationId.trim();
  if (token.trim()) {
    if (token.trim().length < MIN_TOKEN_CHARS) return { problem: t.settings.tokenTooShort };
    changes.token = token.trim();
  }
  const name = draft.terminalName.trim();
  if (!name) return { problem: t.settings.terminalNameRequired };
  if (name !== current.terminalName) changes.terminalName = name;
  const cap = parseAmount(draft.cap, { capPaise: CAP_CEILING_PAISE });
  if (!cap.ok) return { problem: t.settings.capInvalid };
  if (cap.value !== current.capPaise) changes.capPaise = cap.value;
  const prefs = { ...draft.prefs, shopName: draft.prefs.shopName.trim() };
  for (const key of PREF_KEYS) {
    if (prefs[key] !== current[key]) Object.assign(changes, { [key]: prefs[key] });
  }
  return { changes };
}

/** Settings are the owner's: a PIN is set on first entry, and asked for after that. */
export function SettingsScreen({ shell }: { shell: 'electron' | 'web-preview' | null }) {
  const { owner, askPin } = useOwner();
  if (!owner) return null;
  if (!owner.pinSet) return <SetPinForm change={false} />;
  if (!owner.unlocked) {
    return (
      <section className="settings owner-locked">
        <h2 className="screen-title">{t.owner.lockedTitle}</h2>
        <p>{t.owner.lockedBody}</p>
        <div className="actions">
          <button type="button" className="primary big" onClick={() => void askPin()}>{t.owner.unlock}</button>
        </div>
      </section>
    );
  }
  return (
    <div className="settings">
      <SettingsForm shell={shell} />
      <SetPinForm change />
    </div>
  );
}

/** Owner settings. The bearer token is write-only: typed, sent once by Save, and the field emptied. */
function SettingsForm({ shell }: { shell: 'electron' | 'web-preview' | null }) {
  const { withOwner } = useOwner();
  const [current, setCurrent] = useState<SettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const [notice, setNotice] = useState('');
  const { busy, run } = useSingleFlight();
  const tokenField = useRef<HTMLInputElement>(null);

  const load = (view: SettingsView) => {
    setCurrent(view);
    setDraft(draftOf(view));
  };
  useEffect(() => {
    void callPos(() => window.pos.getSettings()).then((result) => (result.ok ? load(result.value) : setError(result.error)));
  }, []);

  const clearTokenField = () => {
    if (tokenField.current) tokenField.current.value = '';
  };

  const save = (changes: Changes) =>
    void run(async () => {
      setError(null);
      setNotice('');
      const result = await withOwner(() => window.pos.updateSettings(changes));
      clearTokenField();
      if (!result.ok) return setError(result.error);
      load(result.value);
      setNotice(t.settings.saved);
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!current || !draft) return;
    const outcome = changesFrom(draft, tokenField.current?.value ?? '', current);
    if ('problem' in outcome) {
      setNotice('');
      return setError({ code: 'invalid_input', message: outcome.problem });
    }
    if (Object.keys(outcome.changes).length === 0) {
      setError(null);
      return setNotice(t.settings.nothingChanged);
    }
    save(outcome.changes);
  };

  if (!current || !draft) return error ? <ErrorBox error={error} /> : null;
  const edit = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setNotice('');
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <h2 className="screen-title">{t.settings.title}</h2>
      <fieldset>
        <legend>{t.settings.environment}</legend>
        <label className="radio">
          <input type="radio" name="environment" checked={draft.environment === 'sandbox'} onChange={() => edit({ environment: 'sandbox' })} />
          {t.settings.sandbox}
        </label>
        <label className="radio">
          <input type="radio" name="environment" checked={draft.environment === 'live'} onChange={() => edit({ environment: 'live' })} />
          {t.settings.live}
        </label>
      </fieldset>

      <div className="field">
        <label htmlFor="live-url">{t.settings.liveBaseUrl}</label>
        <input id="live-url" type="url" autoComplete="off" spellCheck={false} value={draft.liveBaseUrl} onChange={(e) => edit({ liveBaseUrl: e.target.value })} />
      </div>

      <div className="field">
        <label htmlFor="registration-id">{t.settings.registrationId}</label>
        <input id="registration-id" autoComplete="off" spellCheck={false} value={draft.registrationId} aria-describedby="registration-id-hint" onChange={(e) => edit({ registrationId: e.target.value })} />
        <p id="registration-id-hint" className="hint">{t.settings.registrationCurrent(current.registrationIdHint)}</p>
      </div>

      <fieldset>
        <legend>{t.settings.token}</legend>
        <p className="token-state" data-testid="token-state">{t.settings.tokenState(current.tokenLast4, current.tokenConfigured)}</p>
        <label htmlFor="token">{t.settings.replaceToken}</label>
        <input id="token" ref={tokenField} type="password" autoComplete="new-password" spellCheck={false} defaultValue="" aria-describedby="token-hint" onChange={() => setNotice('')} />
        <p id="token-hint" className="hint">{t.settings.tokenHint}</p>
        <p className="token-storage" data-testid="token-storage">{shell === 'electron' ? t.settings.tokenStorage[current.tokenStorage] : t.settings.tokenStoragePreview}</p>
        {shell === 'electron' && current.tokenStorage !== 'encrypted' && (
          <label className="radio">
            <input type="checkbox" checked={current.tokenStorage === 'plain'} disabled={busy} onChange={(e) => save({ plainTokenStorageAccepted: e.target.checked })} />
            {t.settings.allowPlain}
          </label>
        )}
        {current.tokenConfigured && (
          <button type="button" className="danger" disabled={busy} onClick={() => save({ token: null })}>{t.settings.clearToken}</button>
        )}
      </fieldset>

      <div className="field">
        <label htmlFor="terminal-name">{t.settings.terminalName}</label>
        <input id="terminal-name" autoComplete="off" maxLength={40} value={draft.terminalName} onChange={(e) => edit({ terminalName: e.target.value })} />
      </div>

      <div className="field">
        <label htmlFor="cap">{t.settings.cap}</label>
        <input id="cap" inputMode="decimal" autoComplete="off" value={draft.cap} onChange={(e) => edit({ cap: e.target.value })} />
      </div>

      <CounterPrefsFields prefs={draft.prefs} onChange={(prefs) => edit({ prefs })} />

      <div className="actions">
        <button type="submit" className="primary big" disabled={busy} aria-busy={busy}>{busy ? t.settings.saving : t.settings.save}</button>
        <ConnectionTest />
      </div>
      <p className="notice" role="status">{notice}</p>
      {error && <ErrorBox error={error} />}
    </form>
  );
}
