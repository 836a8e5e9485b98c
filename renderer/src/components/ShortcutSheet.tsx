import { useEffect, useRef, type KeyboardEvent } from 'react';
import { t } from '../i18n';
import './ShortcutSheet.css';

/** The keys the sheet lists, in the order a cashier meets them; the words are looked up at render time. */
const ROWS = [
  { key: 'F2', what: 'sell' },
  { key: 'F4', what: 'refund' },
  { key: 'F6', what: 'history' },
  { key: 'F9', what: 'settings' },
  { key: 'Enter', what: 'enter' },
  { key: 'Esc', what: 'esc' },
  { key: null, what: 'typeDigits' },
  { key: '?', what: 'help' },
] as const;

/**
 * Every shortcut on one sheet: a modal dialog that takes focus when it opens, keeps Tab inside,
 * closes on Esc (or its Close button) and gives focus back to whatever had it before.
 */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    // Tab and Shift+Tab go round the sheet's own controls only.
    const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="dialog shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-title"
        aria-describedby="shortcut-intro"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id="shortcut-title">{t.keys.title}</h2>
        <p id="shortcut-intro">{t.keys.intro}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.keys.keyColumn}</th>
              <th scope="col">{t.keys.actionColumn}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.what}>
                <th scope="row"><kbd>{row.key ?? t.keys.digits}</kbd></th>
                <td>{t.keys[row.what]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button type="button" className="primary big" onClick={onClose} aria-keyshortcuts="Escape">{t.keys.close}</button>
        </div>
      </div>
    </div>
  );
}
