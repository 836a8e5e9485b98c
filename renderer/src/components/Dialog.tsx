import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

/**
 * A modal dialog over the screen: focus moves in when it opens (to `initialFocus`, else the dialog),
 * Tab and Shift+Tab go round its own controls only, Esc closes it (and goes no further, so a QR
 * behind it is never cancelled by the same key), and focus goes back to what had it before.
 */
export function Dialog({ labelledBy, describedBy, className, initialFocus, onClose, children }: {
  labelledBy: string;
  describedBy?: string;
  className?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (initialFocus?.current ?? dialog.current)?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
    // Once, when the dialog opens.
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('button, input, select, textarea') ?? [])].filter((el) => !el.hasAttribute('disabled'));
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
      <div ref={dialog} className={className ? `dialog ${className}` : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={labelledBy} aria-describedby={describedBy} tabIndex={-1} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}
