import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { OwnerView, PosResult } from '../../../electron/contract';
import { PinDialog } from '../components/PinDialog';
import { firstRead } from './first-reads';
import { follow } from './follow';
import { callPos } from './usePos';

interface OwnerGate {
  owner: OwnerView | null;
  /**
   * Runs an owner-only call. When main answers that the owner's PIN is needed, asks for it
   * and runs the call once more; dismissing the PIN dialog returns the original refusal.
   */
  withOwner<T>(call: () => Promise<PosResult<T>>): Promise<PosResult<T>>;
  /** Opens the PIN dialog; true once unlocked. */
  askPin(): Promise<boolean>;
}

const OwnerContext = createContext<OwnerGate | null>(null);

export function OwnerProvider({ children }: { children: ReactNode }) {
  const [owner, setOwner] = useState<OwnerView | null>(null);
  const [asking, setAsking] = useState(false);
  const pending = useRef<((unlocked: boolean) => void) | null>(null);

  useEffect(() => follow(firstRead('owner'), window.pos.onOwnerChanged, setOwner), []);

  const askPin = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        pending.current?.(false);
        pending.current = resolve;
        setAsking(true);
      }),
    [],
  );
  const finish = (unlocked: boolean) => {
    setAsking(false);
    pending.current?.(unlocked);
    pending.current = null;
  };

  const withOwner = useCallback(
    async <T,>(call: () => Promise<PosResult<T>>): Promise<PosResult<T>> => {
      const first = await callPos(call);
      if (first.ok || first.error.code !== 'owner_required' || owner?.pinSet === false) return first;
      return (await askPin()) ? callPos(call) : first;
    },
    [askPin, owner?.pinSet],
  );

  return (
    <OwnerContext.Provider value={{ owner, withOwner, askPin }}>
      {children}
      {asking && <PinDialog onDone={finish} />}
    </OwnerContext.Provider>
  );
}

export function useOwner(): OwnerGate {
  const gate = useContext(OwnerContext);
  if (!gate) throw new Error('useOwner needs an OwnerProvider');
  return gate;
}
