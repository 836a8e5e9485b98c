import { useEffect, useRef, useState } from 'react';
import type { SettingsView } from '../../../electron/contract';
import { DEFAULT_CAP_PAISE, parseAmount } from '../../../electron/contract/money';
import { useKeyDown } from '../hooks/useKeyDown';
import { useSale } from '../hooks/useSale';
import { useDigitsIntoAmount } from '../hooks/useShortcuts';
import { amountText } from '../lib/amountText';
import { useSaleSounds } from '../sound/useSaleSounds';
import { AmountEntry } from './sell/AmountEntry';
import { PaidDone } from './sell/PaidDone';
import { SaleOnScreen } from './sell/SaleOnScreen';
import { UnresolvedSale } from './sell/UnresolvedSale';

/** Sell: amount → QR → paid, cancelled or expired. The amount survives errors and cancels; a QR never survives an error. */
export function SellScreen({ settings, active }: { settings: SettingsView | null; active: boolean }) {
  const sale = useSale();
  const { phase } = sale;
  const capPaise = settings?.capPaise ?? DEFAULT_CAP_PAISE;
  // A tone when a QR appears, when it expires and when the sale is marked paid (volume and mute from Settings).
  useSaleSounds(phase, settings);
  const [text, setText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [confirmingFor, setConfirmingFor] = useState<string | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  useDigitsIntoAmount(amountRef, active);
  const confirming = phase.kind === 'showing' && confirmingFor === phase.sale.saleId;

  // A sale resumed from main (after a reload, or one already open) brings its amount into the field.
  const shownAmount = phase.kind === 'showing' ? phase.sale.amountPaise : null;
  useEffect(() => {
    if (shownAmount === null) return;
    setText((current) => {
      const parsed = parseAmount(current, { capPaise: Number.MAX_SAFE_INTEGER });
      return parsed.ok && parsed.value === shownAmount ? current : amountText(shownAmount);
    });
  }, [shownAmount]);

  // Back at the amount field (start, error, cancel, next sale, tab switch): the cursor is in it.
  useEffect(() => {
    if (active && phase.kind === 'entry') amountRef.current?.focus();
  }, [active, phase]);

  const editText = (next: string) => {
    setText(next);
    setAttempted(true);
    if (phase.kind === 'entry' && phase.error) sale.clearError();
  };

  const submit = () => {
    setAttempted(true);
    const parsed = parseAmount(text, { capPaise });
    if (parsed.ok) sale.create(parsed.value);
  };

  const nextSale = () => {
    sale.nextSale();
    setText('');
    setAttempted(false);
  };

  useKeyDown((event) => {
    if (event.key === 'Escape' && phase.kind === 'creating') {
      event.preventDefault();
      sale.abandon();
    }
    if (event.key === 'Escape' && phase.kind === 'showing') {
      event.preventDefault();
      // Esc in the confirm step only steps back: it must never cancel a sale the customer may have paid.
      if (confirming) setConfirmingFor(null);
      else sale.cancel();
    }
    if (event.key === 'Enter' && phase.kind === 'paid' && !event.repeat && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      nextSale();
    }
  }, active);

  switch (phase.kind) {
    case 'unresolved':
      return <UnresolvedSale sale={phase.sale} error={phase.error} busy={sale.busy} onAnswer={sale.resolve} />;
    case 'paid':
      return <PaidDone sale={phase.sale} settings={settings} onNext={nextSale} />;
    case 'showing':
      return (
        <SaleOnScreen
          sale={phase.sale}
          qr={phase.qr}
          deadline={phase.deadline}
          expired={phase.expired}
          confirming={confirming}
          busy={sale.busy}
          settings={settings}
          onExpired={() => sale.expiredLocally(phase.sale.saleId)}
          onPaid={() => setConfirmingFor(phase.sale.saleId)}
          onConfirmPaid={sale.markPaid}
          onBack={() => setConfirmingFor(null)}
          onCancel={sale.cancel}
          onNewQr={() => sale.create(phase.sale.amountPaise)}
        />
      );
    default:
      return (
        <AmountEntry
          text={text}
          onText={editText}
          showReason={attempted}
          capPaise={capPaise}
          creating={phase.kind === 'creating'}
          onAbandon={phase.kind === 'creating' && phase.saleId ? sale.abandon : null}
          error={phase.kind === 'entry' ? phase.error : null}
          onSubmit={submit}
          inputRef={amountRef}
        />
      );
  }
}
