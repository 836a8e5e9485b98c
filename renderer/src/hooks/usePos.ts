import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, PosError, PosResult, SettingsView } from '../../../electron/contract';
import { t } from '../i18n';

/** What the app is connected to (sandbox or live, which host); refreshed whenever settings change. */
export function useAppInfo(): { info: AppInfo | null; error: PosError | null } {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const load = useCallback(() => {
    window.pos.appInfo().then(
      (result) => {
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
  useEffect(() => {
    let live = true;
    void window.pos.getSettings().then((result) => {
      if (live && result.ok) setSettings(result.value);
    });
    const off = window.pos.onSettingsChanged(setSettings);
    return () => {
      live = false;
      off();
    };
  }, []);
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
