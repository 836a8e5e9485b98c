import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PosError, SettingsView } from '../../../electron/contract';
import { isLanguage } from '../../../electron/contract/languages';
import { PIN_PATTERN } from '../../../electron/contract/pin';
import { ErrorBox } from '../components/ErrorBox';
import { callPos } from '../hooks/usePos';
import { useSingleFlight } from '../hooks/useSingleFlight';
import { language, languageChoices, setLanguage, t, type Language } from '../i18n';

const REGISTRATION = /^[A-Za-z0-9_-]{1,64}$/;
const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8);
type Problem = 'shopName' | 'pin' | 'again' | 'registration';

/**
 * First start: before anyone can sell, the owner names the shop, sets the owner PIN (twice) and
 * chooses Sandbox or Live. The PIN goes first (main takes settings only from the owner), then the
 * settings; the owner is locked again at the end, so the cashier who sells next is not the owner.
 * The language chosen here applies at once and is saved with the rest.
 */
export function SetupScreen({ settings, onDone }: { settings: SettingsView | null; onDone: () => void }) {
  const [lang, setLang] = useState<Language>(language());
  const [shopName, setShopName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [environment, setEnvironment] = useState<'sandbox' | 'live'>('sandbox');
  const [registrationId, setRegistrationId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  // Set in an earlier try whose settings were refused: not set again.
  const pinDone = useRef(false);
  const { busy, run } = useSingleFlight();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (settings) setLang(settings.language);
  }, [settings]);

  const chooseLanguage = (next: Language) => {
    setLanguage(next);
    setLang(next);
  };

  const check = (): Problem | null => {
    if (shopName.trim() === '') return 'shopName';
    if (!pinDone.current && !PIN_PATTERN.test(pin)) return 'pin';
    if (!pinDone.current && pin !== again) return 'again';
    if (environment === 'live' && !REGISTRATION.test(registrationId.trim())) return 'registration';
    return null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setProblem(found);
    setError(null);
    if (found) return;
    void run(async () => {
      if (!pinDone.current) {
        const set = await callPos(() => window.pos.setOwnerPin({ pin }));
        if (!set.ok) return setError(set.error);
        pinDone.current = true;
        setPin('');
        setAgain('');
      }
      const saved = await callPos(() =>
        window.pos.updateSettings({ shopName: shopName.trim(), language: lang, environment, ...(environment === 'live' ? { registrationId: registrationId.trim() } : {}) }),
      );
      if (!saved.ok) return setError(saved.error);
      await callPos(() => window.pos.lockOwner());
      onDone();
    });
  };

  const words = t.setup;
  const fieldError = (which: Problem, text: string) => <p id={`setup-${which}-error`} className="field-error" role="alert">{problem === which ? text : ''}</p>;
  return (
    <main className="setup">
      <form className="setup-form" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title" className="screen-title">{words.title}</h1>
        <p className="setup-intro">{words.intro}</p>
        <p className="hint">{words.cashierNote}</p>
        <div className="setup-grid">
          <div className="field setup-shop">
            <label htmlFor="setup-shop">{words.shopName}</label>
            <input id="setup-shop" ref={first} maxLength={60} autoComplete="organization" value={shopName} aria-invalid={problem === 'shopName'} aria-describedby="setup-shop-hint setup-shopName-error" onChange={(e) => setShopName(e.target.value)} />
            <p id="setup-shop-hint" className="hint">{words.shopNameHint}</p>
            {fieldError('shopName', words.shopNameRequired)}
          </div>
          <div className="field">
            <label htmlFor="setup-language">{words.language}</label>
            <select id="setup-language" value={lang} onChange={(e) => isLanguage(e.target.value) && chooseLanguage(e.target.value)}>
              {languageChoices().map(([code, name]) => (
                <option key={code} value={code}>{name}</option>
              ))}
            </select>
          </div>
          {!pinDone.current && (
            <>
              <div className="field">
                <label htmlFor="setup-pin">{words.pin}</label>
                <input id="setup-pin" type="password" inputMode="numeric" autoComplete="new-password" value={pin} aria-invalid={problem === 'pin'} aria-describedby="setup-pin-hint setup-pin-error" onChange={(e) => setPin(digits(e.target.value))} />
                {fieldError('pin', t.owner.pinShape)}
              </div>
              <div className="field">
                <label htmlFor="setup-pin-again">{words.pinAgain}</label>
                <input id="setup-pin-again" type="password" inputMode="numeric" autoComplete="new-password" value={again} aria-invalid={problem === 'again'} aria-describedby="setup-again-error" onChange={(e) => setAgain(digits(e.target.value))} />
                {fieldError('again', t.owner.pinsDiffer)}
              </div>
              <p id="setup-pin-hint" className="hint setup-pin-hint">{words.pinHint}</p>
            </>
          )}
          <fieldset className="setup-wide">
            <legend>{words.environment}</legend>
            <div className="setup-radios">
            <label className="radio">
              <input type="radio" name="setup-environment" checked={environment === 'sandbox'} onChange={() => setEnvironment('sandbox')} />
              {words.sandbox}
            </label>
            <label className="radio">
              <input type="radio" name="setup-environment" checked={environment === 'live'} onChange={() => setEnvironment('live')} />
              {words.live}
            </label>
            </div>
            {environment === 'live' && (
              <div className="field">
                <label htmlFor="setup-registration">{words.registrationId}</label>
                <input id="setup-registration" autoComplete="off" spellCheck={false} maxLength={64} value={registrationId} aria-invalid={problem === 'registration'} aria-describedby="setup-registration-hint setup-registration-error" onChange={(e) => setRegistrationId(e.target.value)} />
                <p id="setup-registration-hint" className="hint">{words.registrationHint}</p>
                {fieldError('registration', words.registrationRequired)}
              </div>
            )}
          </fieldset>
        </div>
        <button type="submit" className="primary big setup-finish" disabled={busy} aria-busy={busy}>{busy ? words.saving : words.finish}</button>
        {error && <ErrorBox error={error} />}
      </form>
    </main>
  );
}
