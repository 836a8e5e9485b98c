import { useCallback, useEffect, useRef, useState } from 'react';
import type { HubView, LatePaymentView } from '../../../electron/contract';
import type { PosResult } from '../../../electron/contract/errors';
import { follow } from './follow';
import { useOnReconnected } from './useEngineLink';
import { callPos } from './usePos';

/** follow(), and read again after the engine was away (the preview's bridge re-reads only the sale, settings and owner). */
function useFollowed<T>(read: () => Promise<PosResult<T>>, subscribe: (listener: (value: T) => void) => () => void): T | null {
  const [value, setValue] = useState<T | null>(null);
  const pushes = useRef(0);
  useEffect(
    () =>
      follow(read, (listener) => subscribe((next) => {
        pushes.current += 1;
        listener(next);
      }), setValue),
    [read, subscribe],
  );
  useOnReconnected(
    useCallback(() => {
      const before = pushes.current;
      void callPos(read).then((result) => {
        if (result.ok && pushes.current === before) setValue(result.value);
      });
    }, [read]),
  );
  return value;
}

const readHub = () => window.pos.hubStatus();
const onHub = (listener: (hub: HubView) => void) => window.pos.onHubChanged(listener);
const readLate = () => window.pos.latePayments();
const onLate = (listener: (late: LatePaymentView[]) => void) => window.pos.onLatePaymentsChanged(listener);

/** The counter's link to the shop hub, as main reports it; null until first read. */
export const useHub = (): HubView | null => useFollowed(readHub, onHub);

/** Money BOS reported for sales already cancelled or expired, until each is kept or refunded. */
export const useLatePayments = (): readonly LatePaymentView[] => useFollowed(readLate, onLate) ?? [];
