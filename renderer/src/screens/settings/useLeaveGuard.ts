import { useEffect, useRef } from 'react';

/** The function keys that open another screen (App's tabs); F9 is Settings itself. */
const OTHER_SCREEN_KEYS = new Set(['F2', 'F4', 'F6']);
const TAB_MOVE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * Whether an event would take the owner away from Settings: another tab clicked or moved to, its
 * function key, or Lock (which shuts Settings). Returns how to let it happen after all, or null.
 */
function leaving(event: Event): (() => void) | null {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('[role="dialog"]')) return null;
  if (event instanceof KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return null;
    if (OTHER_SCREEN_KEYS.has(event.key)) return () => window.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, bubbles: true }));
    const tab = target?.closest('[role="tab"]');
    if (tab && TAB_MOVE_KEYS.has(event.key)) return () => tab.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, bubbles: true }));
    return null;
  }
  const button = target?.closest<HTMLElement>('[role="tab"][aria-selected="false"], .owner-badge button');
  return button ? () => button.click() : null;
}

/**
 * While `dirty`, stops whatever would leave Settings (it would unmount the form and lose the
 * changes) and hands `onAttempt` a way to go on once the owner has saved or discarded them.
 * Listens on window in the capture phase, so it runs before the tabs' and App's own handlers.
 */
export function useLeaveGuard(dirty: boolean, onAttempt: (resume: () => void) => void): void {
  const latest = useRef(onAttempt);
  const passing = useRef(false);
  useEffect(() => {
    latest.current = onAttempt;
  });
  useEffect(() => {
    if (!dirty) return undefined;
    const stop = (event: Event) => {
      if (passing.current) return;
      const go = leaving(event);
      if (!go) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      latest.current(() => {
        passing.current = true;
        try {
          go();
        } finally {
          passing.current = false;
        }
      });
    };
    window.addEventListener('click', stop, true);
    window.addEventListener('keydown', stop, true);
    return () => {
      window.removeEventListener('click', stop, true);
      window.removeEventListener('keydown', stop, true);
    };
  }, [dirty]);
}
