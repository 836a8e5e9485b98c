import { useEffect, useState } from 'react';
import { DEFAULT_CAP_PAISE } from '../../electron/contract/money';
import type { AppInfo } from '../../electron/contract';
import { t } from './i18n/en';
import { RefundScreen } from './screens/RefundScreen';
import { SellScreen } from './screens/SellScreen';
import { SettingsScreen } from './screens/SettingsScreen';

type Tab = 'sell' | 'refund' | 'settings';
const SHORTCUTS: Record<string, Tab> = { F2: 'sell', F4: 'refund', F9: 'settings' };
const KEYS: Record<Tab, string> = { sell: 'F2', refund: 'F4', settings: 'F9' };

export function App() {
  const [tab, setTab] = useState<Tab>('sell');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [capPaise, setCapPaise] = useState(DEFAULT_CAP_PAISE);

  useEffect(() => {
    void window.pos.appInfo().then((r) => r.ok && setInfo(r.value));
    void window.pos.getSettings().then((r) => r.ok && setCapPaise(r.value.capPaise));
    const onKey = (event: KeyboardEvent) => {
      const target = SHORTCUTS[event.key];
      if (target) {
        event.preventDefault();
        setTab(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      {info?.sandbox && <div className="banner sandbox" role="note">{t.app.sandboxBanner}</div>}
      {info && !info.sandbox && <div className="banner live" role="note">{t.app.live} · {info.bosHost}</div>}
      <nav className="tabs" role="tablist">
        {(['sell', 'refund', 'settings'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'active' : ''} onClick={() => setTab(name)}>
            {t.app.tabs[name]} <kbd>{KEYS[name]}</kbd>
          </button>
        ))}
        <span className="shortcuts">{t.app.shortcuts}</span>
      </nav>
      <main>
        {tab === 'sell' && <SellScreen capPaise={capPaise} />}
        {tab === 'refund' && <RefundScreen sandbox={info?.sandbox ?? false} />}
        {tab === 'settings' && (
          <SettingsScreen
            onSaved={(settings) => {
              setCapPaise(settings.capPaise);
              void window.pos.appInfo().then((r) => r.ok && setInfo(r.value));
            }}
          />
        )}
      </main>
    </div>
  );
}
