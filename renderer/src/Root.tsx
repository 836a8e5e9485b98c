import { useEffect, useState } from 'react';
import type { SettingsView } from '../../electron/contract';
import { App } from './App';
import { firstRead } from './hooks/first-reads';
import { follow } from './hooks/follow';
import { setLanguage } from './i18n';

/** Applies the language and look chosen in Settings; a change re-renders everything below in place. */
function applyLook(settings: Pick<SettingsView, 'language' | 'theme'>): string {
  setLanguage(settings.language);
  document.documentElement.dataset.theme = settings.theme;
  return `${settings.language}/${settings.theme}`;
}

export function Root() {
  const [, setLook] = useState('en/light');
  useEffect(() => follow(firstRead('settings'), window.pos.onSettingsChanged, (settings) => setLook(applyLook(settings))), []);
  return <App />;
}
