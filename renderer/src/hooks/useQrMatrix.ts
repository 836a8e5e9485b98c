import { useMemo } from 'react';
import { qrModules, type QrMatrix } from '../components/qr-path';

/** The QR matrix for an intent, or null when it cannot be encoded (then no QR is drawn: never a wrong one). */
export function useQrMatrix(intent: string): QrMatrix | null {
  return useMemo(() => {
    try {
      return qrModules(intent);
    } catch {
      return null;
    }
  }, [intent]);
}
