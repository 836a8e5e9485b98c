import { useEffect, useState } from 'react';
import { DEFAULT_CAP_PAISE } from '../../electron/contract/money';
import type { AppInfo } from '../../electron/contract';
import { t } from './i18n/en';
import { RefundScreen } from './screens/RefundScreen';
import { SellScreen } from './screens/SellScreen';

type Tab = 'sell' | 'refund';
const SHORTCUTS: Record<string, Tab> = { F2: 'sell', F4: 'refund' };

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
        {(['sell', 'refund'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'active' : ''} onClick={() => setTab(name)}>
            {t.app.tabs[name]} <kbd>{name === 'sell' ? 'F2' : 'F4'}</kbd>
          </button>
        ))}
        <span className="shortcuts">{t.app.shortcuts}</span>
      </nav>
      <main>{tab === 'sell' ? <SellScreen capPaise={capPaise} /> : <RefundScreen sandbox={info?.sandbox ?? false} />}</main>
    </div>
  );
}
