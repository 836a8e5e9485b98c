import { useEffect, useState, type FormEvent } from 'react';
import { parseAmount } from '../../../electron/contract/money';
import type { OperationInput, PosError, SettingsView } from '../../../electron/contract';
import { t } from '../i18n/en';

/** Minimal owner settings. The token field is write-only: what is typed is sent once and cleared. */
export function SettingsScreen({ onSaved }: { onSaved: (settings: SettingsView) => void }) {
  const [current, setCurrent] = useState<SettingsView | null>(null);
  const [environment, setEnvironment] = useState<'sandbox' | 'live'>('sandbox');
  const [liveBaseUrl, setLiveBaseUrl] = useState('');
  const [registrationId, setRegistrationId] = useState('');
  const [token, setToken] = useState('');
  const [terminalName, setTerminalName] = useState('');
  const [cap, setCap] = useState('');
  const [error, setError] = useState<PosError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = (view: SettingsView) => {
    setCurrent(view);
    setEnvironment(view.environment);
    setLiveBaseUrl(view.liveBaseUrl);
    setTerminalName(view.terminalName);
    setCap(String(view.capPaise / 100));
  };
  useEffect(() => {
    void window.pos.getSettings().then((r) => r.ok && load(r.value));
  }, []);

  async function save(changes: OperationInput<'settings.update'>) {
    setBusy(true);
    setSaved(false);
    setError(null);
    const result = await window.pos.updateSettings(changes);
    setBusy(false);
    setToken('');
    if (result.ok) {
      load(result.value);
      setRegistrationId('');
      setSaved(true);
      onSaved(result.value);
    } else {
      setError(result.error);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!current) return;
    const capPaise = parseAmount(cap, { capPaise: 100_000_000_00 });
    if (!capPaise.ok) return setError({ code: 'invalid_input', message: t.settings.capInvalid });
    const changes: OperationInput<'settings.update'> = {};
    if (environment !== current.environment) changes.environment = environment;
    if (liveBaseUrl.trim() !== current.liveBaseUrl) changes.liveBaseUrl = liveBaseUrl.trim();
    if (registrationId.trim()) changes.registrationId = registrationId.trim();
    if (token.trim()) changes.token = token.trim();
    if (terminalName.trim() !== current.terminalName) changes.terminalName = terminalName.trim();
    if (capPaise.value !== current.capPaise) changes.capPaise = capPaise.value;
    void save(changes);
  }

  if (!current) return null;
  return (
    <form className="settings" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t.settings.environment}</legend>
        <label className="radio"><input type="radio" name="environment" checked={environment === 'sandbox'} onChange={() => setEnvironment('sandbox')} /> {t.settings.sandbox}</label>
        <label className="radio"><input type="radio" name="environment" checked={environment === 'live'} onChange={() => setEnvironment('live')} /> {t.settings.live}</label>
      </fieldset>
      <label htmlFor="live-url">{t.settings.liveBaseUrl}</label>
      <input id="live-url" type="url" value={liveBaseUrl} onChange={(e) => setLiveBaseUrl(e.target.value)} />
      <label htmlFor="registration-id">{t.settings.registrationId}</label>
      <p className="hint">{t.settings.registrationCurrent(current.registrationIdHint)}</p>
      <input id="registration-id" autoComplete="off" value={registrationId} onChange={(e) => setRegistrationId(e.target.value)} />
      <label htmlFor="token">{t.settings.replaceToken}</label>
      <p className="hint" data-testid="token-state">{t.settings.tokenState(current.tokenLast4, current.tokenConfigured)}</p>
      <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      {current.tokenConfigured && (
        <button type="button" className="danger" disabled={busy} onClick={() => void save({ token: null })}>{t.settings.clearToken}</button>
      )}
      <label htmlFor="terminal-name">{t.settings.terminalName}</label>
      <input id="terminal-name" value={terminalName} onChange={(e) => setTerminalName(e.target.value)} />
      <label htmlFor="cap">{t.settings.cap}</label>
      <input id="cap" inputMode="decimal" value={cap} onChange={(e) => setCap(e.target.value)} />
      <div className="actions">
        <button type="submit" className="primary big" disabled={busy}>{t.settings.save}</button>
      </div>
      {saved && <p className="ok-box" role="status">{t.settings.saved}</p>}
      {error && <div className="error-box" role="alert"><p>{error.message}</p></div>}
    </form>
  );
}
