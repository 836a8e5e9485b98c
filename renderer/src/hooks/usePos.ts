import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, PosError, PosResult, SettingsView } from '../../../electron/contract';
import { t } from '../i18n';
import { follow } from './follow';

/** What the app is connected to (sandbox or live, which host); refreshed whenever settings change. */
export function useAppInfo(): { info: AppInfo | null; error: PosError | null } {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const asked = useRef(0);
  const load = useCallback(() => {
    const ask = ++asked.current;
    window.pos.appInfo().then(
      (result) => {
        // Only the latest question counts: an older answer arriving late must not undo a newer one.
        if (ask !== asked.current) return;
        if (result.ok) {
          setInfo(result.value);
          setError(null);
        } else {
          setError(result.error);
        }
      },
      () => setError({ code: 'internal', message: t.app.notConnected }),
    );
  }, []);
  useEffect(() => {
    load();
    return window.pos.onSettingsChanged(load);
  }, [load]);
  return { info, error };
}

/** The owner's settings as main shows them (masked), following changes pushed by main. */
export function useSettings(): { settings: SettingsView | null; replace: (settings: SettingsView) => void } {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  useEffect(() => follow(() => window.pos.getSettings(), window.pos.onSettingsChanged, setSettings), []);
  return { settings, replace: setSettings };
}


/** A window.pos call that never throws: a broken bridge becomes a plain error like any other. */
export async function callPos<T>(call: () => Promise<PosResult<T>>): Promise<PosResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: { code: 'internal', message: t.app.notConnected } };
  }
}
