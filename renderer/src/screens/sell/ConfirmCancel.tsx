import { useEffect, useRef } from 'react';
import { t } from '../../i18n';

/**
 * "Cancel this ₹250 QR?" with the QR still up and still scannable beside it. The question has
 * focus (not a button), so Enter is the yes that SellScreen listens for and Esc keeps the QR.
 */
export function ConfirmCancel({ amount, busy, onYes, onKeep }: { amount: string; busy: boolean; onYes: () => void; onKeep: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div className="confirm-cancel" role="alertdialog" aria-labelledby="confirm-cancel-title" aria-describedby="confirm-cancel-keys" tabIndex={-1} ref={box}>
      <p className="confirm-title" id="confirm-cancel-title">{t.sell.confirmCancel(amount)}</p>
      <p className="hint" id="confirm-cancel-keys">{t.sell.confirmCancelKeys}</p>
      <div className="actions">
        <button type="button" className="big danger" disabled={busy} onClick={onYes}>{t.sell.yesCancel}</button>
        <button type="button" className="big" disabled={busy} onClick={onKeep}>{t.sell.keepIt}</button>
      </div>
    </div>
  );
}
