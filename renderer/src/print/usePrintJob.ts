import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { printStampNow, type PrintStamp } from './PrintSlip';

export interface PrintJob {
  stamp: PrintStamp;
  /** The slip's measured height (CSS px), for the roll's page length; null until measured. */
  heightPx: number | null;
}

/**
 * One slip to print. `print()` mounts the slip stamped with this moment, measures it, sets the
 * page to its length and opens the print dialog (Electron prints the window's contents; print.css
 * lets only the slip through). All of it happens inside the click, so the dialog never shows a
 * slip from an earlier moment. The slip stays mounted (hidden on screen) until its screen goes.
 *
 * While `enabled`, printing some other way (Ctrl+P, the browser's menu) prints the same slip:
 * it is prepared in `beforeprint`, which runs before the page is laid out for paper.
 */
export function usePrintJob(enabled = true): { job: PrintJob | null; slipRef: RefObject<HTMLDivElement | null>; print: () => void } {
  const [job, setJob] = useState<PrintJob | null>(null);
  const slipRef = useRef<HTMLDivElement>(null);
  const ownPrint = useRef(false);

  const prepare = useCallback(() => {
    flushSync(() => setJob({ stamp: printStampNow(), heightPx: null }));
    const box = slipRef.current?.getBoundingClientRect();
    const heightPx = box && box.height > 0 ? box.height : null;
    flushSync(() => setJob((current) => current && { ...current, heightPx }));
  }, []);

  const print = useCallback(() => {
    prepare();
    ownPrint.current = true;
    try {
      window.print();
    } finally {
      ownPrint.current = false;
    }
  }, [prepare]);

  useEffect(() => {
    if (!enabled) return;
    const beforePrint = () => {
      if (!ownPrint.current) prepare();
    };
    window.addEventListener('beforeprint', beforePrint);
    return () => window.removeEventListener('beforeprint', beforePrint);
  }, [enabled, prepare]);

  return { job, slipRef, print };
}
