import { useEffect, useState } from 'react';
import { localDay } from '../../../electron/contract/days';
import { callPos } from './usePos';

/**
 * The BOS reference of an earlier sale (the one a reused UTR was recorded for), read from that
 * day's History; null while looking, or when it had none or cannot be read.
 */
export function useEarlierReference(related: { saleId: string; at: string } | undefined): string | null {
  const [reference, setReference] = useState<string | null>(null);
  const saleId = related?.saleId;
  const at = related?.at;
  useEffect(() => {
    setReference(null);
    if (!saleId || !at || Number.isNaN(Date.parse(at))) return undefined;
    let live = true;
    void callPos(() => window.pos.dayHistory({ day: localDay(new Date(at)) })).then((result) => {
      if (!live || !result.ok) return;
      const row = result.value.rows.find((r) => r.kind === 'sale' && r.id === saleId);
      if (row?.kind === 'sale' && row.bosReference) setReference(row.bosReference);
    });
    return () => {
      live = false;
    };
  }, [saleId, at]);
  return reference;
}
