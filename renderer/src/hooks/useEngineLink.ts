import { useEffect, useState } from 'react';
import { LINK_LOST_EVENT, LINK_RECONNECTED_EVENT } from '../lib/link-events';

/** A blink shorter than this (a restart that is back at once) is not worth a banner. */
const GRACE_MS = 1000;

/**
 * True while Counter's engine is not answering: in the browser preview, from a moment after its
 * server's stream dropped until it is back (the bridges then re-read what the screens show). In
 * Electron main never goes away, so this stays false.
 */
export function useEngineLost(): boolean {
  const [lost, setLost] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onLost = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setLost(true), GRACE_MS);
    };
    const onBack = () => {
      clearTimeout(timer);
      setLost(false);
    };
    window.addEventListener(LINK_LOST_EVENT, onLost);
    window.addEventListener(LINK_RECONNECTED_EVENT, onBack);
    return () => {
      clearTimeout(timer);
      window.removeEventListener(LINK_LOST_EVENT, onLost);
      window.removeEventListener(LINK_RECONNECTED_EVENT, onBack);
    };
  }, []);
  return lost;
}

/** Calls `reread` each time the engine is back after going away: what was pushed meanwhile was missed. */
export function useOnReconnected(reread: () => void): void {
  useEffect(() => {
    window.addEventListener(LINK_RECONNECTED_EVENT, reread);
    return () => window.removeEventListener(LINK_RECONNECTED_EVENT, reread);
  }, [reread]);
}
