import { Suspense, useEffect, useState } from 'react';
import { HubBadge } from './components/HubBadge';
import { LatePaymentsBanner } from './components/LatePaymentsBanner';
import { LiveBadge, ModeBanner } from './components/ModeBanner';
import { ShortcutSheet } from './components/ShortcutSheet';
import { Tabs, type TabItem } from './components/Tabs';
import { useEngineLost } from './hooks/useEngineLink';
import { useKeyDown } from './hooks/useKeyDown';
import { OwnerProvider, useOwner } from './hooks/useOwner';
import { callPos, useAppInfo, useSettings } from './hooks/usePos';
import { useHelpKey } from './hooks/useShortcuts';
import { useHub, useLatePayments } from './hooks/useShopFeed';
import { t } from './i18n';
import { watchLanguageFonts } from './i18n/fonts';
import { RefundScreen } from './screens/RefundScreen';
import { SellScreen } from './screens/SellScreen';
import { SetupScreen } from './screens/SetupScreen';
import { HistoryScreen, prefetchScreens, SettingsScreen } from './screens/lazy';

type TabId = 'sell' | 'refund' | 'history' | 'settings';
/** Built at render time: the labels follow the language in use. */
const tabs = (): readonly TabItem<TabId>[] => [
  { id: 'sell', label: t.app.tabs.sell, shortcut: 'F2' },
  { id: 'refund', label: t.app.tabs.refund, shortcut: 'F4' },
  { id: 'history', label: t.app.tabs.history, shortcut: 'F6' },
  { id: 'settings', label: t.app.tabs.settings, shortcut: 'F9' },
];

/**
 * One window. Until the owner has set Counter up (no owner PIN yet) it is the set-up and nothing
 * else: no one can sell, and no one becomes the owner by reaching Settings first. Then: mode
 * banner, tabs, the screen, the key help.
 */
export function App() {
  useEffect(watchLanguageFonts, []);
  return (
    <OwnerProvider>
      <FirstStartGate />
    </OwnerProvider>
  );
}

function FirstStartGate() {
  const { owner } = useOwner();
  const { settings } = useSettings();
  // Kept up from the first sight of "no PIN" until the set-up says it is done (the PIN is set part-way through it).
  const [settingUp, setSettingUp] = useState(false);
  useEffect(() => {
    if (owner && !owner.pinSet) setSettingUp(true);
  }, [owner]);
  if (!owner) return <div className="app" />;
  if (settingUp || !owner.pinSet) {
    return (
      <div className="app app-setup">
        <SetupScreen settings={settings} onDone={() => setSettingUp(false)} />
      </div>
    );
  }
  return <Counter />;
}

/** Sell and Refund stay mounted while hidden, so a QR on screen or a refund half done survives a look at another tab. */
function Counter() {
  const [tab, setTab] = useState<TabId>('sell');
  const [sheetOpen, setSheetOpen] = useState(false);
  const { info, error } = useAppInfo();
  const { settings } = useSettings();
  const hub = useHub();
  const late = useLatePayments();
  const engineLost = useEngineLost();
  useEffect(() => {
    const soon = setTimeout(prefetchScreens, 500);
    return () => clearTimeout(soon);
  }, []);

  // While the shortcut sheet is open it has the keyboard: Esc closes it, then the keys work again.
  useKeyDown((event) => {
    const target = tabs().find((item) => item.shortcut === event.key);
    if (!target || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    setTab(target.id);
  }, !sheetOpen);
  useHelpKey(() => setSheetOpen(true), !sheetOpen);

  // After a tab switch the screen's own effects (which run first) put the cursor where work starts;
  // when none did, and focus was left behind on the hidden panel or nowhere, the new panel takes it.
  useEffect(() => {
    const panel = document.getElementById(`panel-${tab}`);
    const active = document.activeElement;
    const lost = !active || active === document.body || active.closest('[role="tabpanel"][hidden]') !== null;
    if (panel && lost) panel.focus();
  }, [tab]);

  return (
    <div className="app">
      <ModeBanner info={info} error={error} />
      {engineLost && <div className="banner banner-error" role="alert" data-testid="engine-lost">{t.app.engineLost}</div>}
      <header className="topbar">
        <Tabs items={tabs()} selected={tab} onSelect={setTab} label={t.app.tabsLabel} />
        <div className="topbar-end">
          <HubBadge hub={hub} />
          <LiveBadge info={info} />
          <OwnerBadge />
        </div>
      </header>
      <LatePaymentsBanner late={late} onOpenHistory={() => setTab('history')} />
      {info && info.notices.length > 0 && (
        <div className="warning-box notices" role="alert">
          {info.notices.map((notice) => <p key={notice}>{notice}</p>)}
        </div>
      )}
      <main className="screen">
        <div role="tabpanel" id="panel-sell" tabIndex={-1} aria-labelledby="tab-sell" hidden={tab !== 'sell'}>
          <SellScreen settings={settings} active={tab === 'sell'} sandbox={info?.sandbox ?? false} engineLost={engineLost} hub={hub} />
        </div>
        <div role="tabpanel" id="panel-refund" tabIndex={-1} aria-labelledby="tab-refund" hidden={tab !== 'refund'}>
          <RefundScreen settings={settings} sandbox={info?.sandbox ?? false} active={tab === 'refund'} />
        </div>
        <div role="tabpanel" id="panel-history" tabIndex={-1} aria-labelledby="tab-history" hidden={tab !== 'history'}>
          {tab === 'history' && <Suspense fallback={<p className="hint">{t.app.opening}</p>}><HistoryScreen /></Suspense>}
        </div>
        <div role="tabpanel" id="panel-settings" tabIndex={-1} aria-labelledby="tab-settings" hidden={tab !== 'settings'}>
          {tab === 'settings' && <Suspense fallback={<p className="hint">{t.app.opening}</p>}><SettingsScreen shell={info?.shell ?? null} /></Suspense>}
        </div>
      </main>
      <footer className="help">
        <span className="help-text">{t.app.shortcuts}</span>
        <button type="button" className="keys-button" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={() => setSheetOpen(true)}>{t.app.keysButton}</button>
      </footer>
      {sheetOpen && <ShortcutSheet onClose={() => setSheetOpen(false)} />}
    </div>
  );
}

/** While the owner is unlocked: says so, with a Lock button for when they step away. */
function OwnerBadge() {
  const { owner } = useOwner();
  if (!owner?.unlocked) return null;
  return (
    <span className="owner-badge">
      {t.owner.unlocked}
      <button type="button" onClick={() => void callPos(() => window.pos.lockOwner())}>{t.owner.lock}</button>
    </span>
  );
}
