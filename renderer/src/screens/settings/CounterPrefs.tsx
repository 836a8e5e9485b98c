import { useEffect, useState } from 'react';
import type { DisplayView, SettingsView } from '../../../../electron/contract';
import { callPos } from '../../hooks/usePos';
import { languageChoices, t } from '../../i18n';
import { playSound, type SaleSound } from '../../sound/sounds';

export const PREF_KEYS = ['shopName', 'language', 'theme', 'customerDisplay', 'paperWidth', 'soundVolume', 'soundMuted'] as const;
export type CounterPrefs = Pick<SettingsView, (typeof PREF_KEYS)[number]>;

export const prefsOf = (view: SettingsView): CounterPrefs => Object.fromEntries(PREF_KEYS.map((key) => [key, view[key]])) as CounterPrefs;

/** The owner hears QR, paid and expired one after another at the volume on the form (saved or not). */
function playAllSounds(prefs: Pick<CounterPrefs, 'soundVolume' | 'soundMuted'>): void {
  const order: SaleSound[] = ['qr', 'paid', 'expired'];
  order.forEach((sound, index) => setTimeout(() => playSound(sound, prefs), index * 1200));
}

/** Opens the customer display now: main places it (second monitor or a window); the browser preview opens its page in a new tab. */
function OpenCustomerDisplay() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const c = t.settings.prefs;
  const open = async () => {
    setBusy(true);
    const result = await callPos(() => window.pos.openCustomerDisplay());
    setBusy(false);
    if (!result.ok) return setStatus(c.openFailed);
    const { placement, path } = result.value;
    if (placement === 'browser' && path) {
      // Only a page of this same preview server, never anywhere else.
      const target = new URL(path, window.location.origin);
      if (target.origin !== window.location.origin) return setStatus(c.openFailed);
      // noopener: the customer's page gets no handle on this window (nor on its window.pos).
      window.open(target.href, '_blank', 'noopener,noreferrer');
      return setStatus(c.openedBrowser);
    }
    return setStatus(placement === 'fullscreen' ? c.openedFullscreen : c.openedWindow);
  };
  return (
    <>
      <button type="button" className="open-customer-display" disabled={busy} onClick={() => void open()}>{c.openDisplay}</button>
      <p className="hint" role="status">{status}</p>
    </>
  );
}

/** A labelled drop-down of fixed choices: [value, words] pairs. */
function Choice<V extends string>({ id, label, value, options, onChange }: { id: string; label: string; value: V; options: ReadonlyArray<readonly [V, string]>; onChange: (value: V) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map(([option, words]) => (
          <option key={option} value={option}>{words}</option>
        ))}
      </select>
    </div>
  );
}

/** What the counter looks and sounds like, and what the customer sees: shop name, language, theme, customer display, paper, sound. */
export function CounterPrefsFields({ prefs, onChange }: { prefs: CounterPrefs; onChange: (prefs: CounterPrefs) => void }) {
  const [displays, setDisplays] = useState<DisplayView[]>([]);
  useEffect(() => {
    void callPos(() => window.pos.listDisplays()).then((result) => result.ok && setDisplays(result.value));
  }, []);
  const set = <K extends keyof CounterPrefs>(key: K, value: CounterPrefs[K]) => onChange({ ...prefs, [key]: value });
  const s = t.settings.prefs;

  return (
    <>
      <div className="field">
        <label htmlFor="shop-name">{s.shopName}</label>
        <input id="shop-name" autoComplete="off" maxLength={60} value={prefs.shopName} aria-describedby="shop-name-hint" onChange={(e) => set('shopName', e.target.value)} />
        <p id="shop-name-hint" className="hint">{s.shopNameHint}</p>
      </div>
      <div className="prefs-grid">
        <Choice id="language" label={s.language} value={prefs.language} options={languageChoices()} onChange={(v) => set('language', v)} />
        <Choice id="theme" label={s.theme} value={prefs.theme} options={[['light', s.themes.light], ['high-contrast', s.themes.highContrast]]} onChange={(v) => set('theme', v)} />
        <div className="field prefs-wide">
          <label htmlFor="customer-display">{s.customerDisplay}</label>
          <select id="customer-display" value={prefs.customerDisplay} aria-describedby="customer-display-hint" onChange={(e) => set('customerDisplay', e.target.value)}>
            <option value="off">{s.displayOff}</option>
            <option value="auto">{s.displayAuto}</option>
            {displays.map((d) => (
              <option key={d.id} value={`display:${d.id}`}>{d.primary ? s.displayPrimary(d.label) : d.label}</option>
            ))}
          </select>
          <p id="customer-display-hint" className="hint">{s.displayAutoHint}</p>
          <OpenCustomerDisplay />
        </div>
        <Choice id="paper-width" label={s.paperWidth} value={prefs.paperWidth} options={[['58mm', s.papers['58mm']], ['80mm', s.papers['80mm']], ['a4', s.papers.a4]]} onChange={(v) => set('paperWidth', v)} />
      </div>
      <fieldset>
        <legend>{s.sound}</legend>
        <label htmlFor="sound-volume">{s.volume(prefs.soundVolume)}</label>
        <input id="sound-volume" type="range" min={0} max={100} step={5} value={prefs.soundVolume} disabled={prefs.soundMuted} onChange={(e) => set('soundVolume', Number(e.target.value))} />
        <label className="radio">
          <input type="checkbox" checked={prefs.soundMuted} onChange={(e) => set('soundMuted', e.target.checked)} />
          {s.mute}
        </label>
        <button type="button" className="big" disabled={prefs.soundMuted || prefs.soundVolume === 0} onClick={() => playAllSounds(prefs)}>
          {s.playSounds}
        </button>
      </fieldset>
    </>
  );
}
