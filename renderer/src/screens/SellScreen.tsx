import { useEffect, useRef, useState } from 'react';
import type { HubView, SettingsView } from '../../../electron/contract';
import { DEFAULT_CAP_PAISE, parseAmount } from '../../../electron/contract/money';
import { useBox } from '../hooks/useBox';
import { useKeyDown } from '../hooks/useKeyDown';
import { useSale } from '../hooks/useSale';
import { useDigitsIntoAmount } from '../hooks/useShortcuts';
import { amountText } from '../lib/amountText';
import { useSaleSounds } from '../sound/useSaleSounds';
import { AmountEntry } from './sell/AmountEntry';
import { PaidDone } from './sell/PaidDone';
import { SaleOnScreen } from './sell/SaleOnScreen';
import type { SaleStep } from './sell/SaleSteps';
import { UnresolvedSale } from './sell/UnresolvedSale';

interface Props {
  settings: SettingsView | null;
  active: boolean;
  /** The sandbox: the QR gets a Simulate customer payment button. */
  sandbox: boolean;
  /** Counter's engine is not answering (the browser preview's server went away). */
  engineLost: boolean;
  /** The shop hub link: whether the hub has the QR on screen (null: no hub read yet). */
  hub: HubView | null;
}

/**
 * Sell: amount → QR → paid, cancelled or expired. The amount survives errors; a cancelled sale
 * clears it (and says so); a QR never survives an error. Cancelling a QR takes a second key:
 * Esc asks, Enter says yes, Esc again keeps it.
 */
export function SellScreen({ settings, active, sandbox, engineLost, hub }: Props) {
  const sale = useSale();
  const { phase } = sale;
  const capPaise = settings?.capPaise ?? DEFAULT_CAP_PAISE;
  // A tone when a QR appears, when it expires and when the sale is marked paid (volume and mute from Settings).
  useSaleSounds(phase, settings);
  const [text, setText] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [stepOf, setStepOf] = useState<{ saleId: string; step: SaleStep } | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const screen = useRef<HTMLDivElement>(null);
  const room = useBox(screen);
  useDigitsIntoAmount(amountRef, active);
  const step: SaleStep = phase.kind === 'showing' && stepOf?.saleId === phase.sale.saleId ? stepOf.step : null;
  const setStep = (next: SaleStep) => setStepOf(phase.kind === 'showing' && next ? { saleId: phase.sale.saleId, step: next } : null);
  // The hub has not taken this QR: BOS's payment for it cannot reach this counter by itself.
  const hubMissing = phase.kind === 'showing' ? (hub?.qrsNotKnown.find((q) => q.saleId === phase.sale.saleId) ?? null) : null;

  // A sale resumed from main (after a reload, or one already open) brings its amount into the field.
  const shownAmount = phase.kind === 'showing' ? phase.sale.amountPaise : null;
  useEffect(() => {
    if (shownAmount === null) return;
    setText((current) => {
      const parsed = parseAmount(current, { capPaise: Number.MAX_SAFE_INTEGER });
      return parsed.ok && parsed.value === shownAmount ? current : amountText(shownAmount);
    });
  }, [shownAmount]);

  // A cancelled sale's amount is not left in the field for the next customer.
  const cancelledNotice = phase.kind === 'entry' && phase.notice?.kind === 'cancelled' ? phase.notice : null;
  useEffect(() => {
    if (!cancelledNotice) return;
    setText('');
    setAttempted(false);
  }, [cancelledNotice]);

  // Back at the amount field (start, error, cancel, next sale, tab switch): the cursor is in it.
  useEffect(() => {
    if (active && phase.kind === 'entry') amountRef.current?.focus();
  }, [active, phase]);

  const editText = (next: string) => {
    setText(next);
    setAttempted(true);
    if (phase.kind === 'entry' && (phase.error || phase.notice)) sale.clearError();
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
      // The first Esc only asks; Esc in any step steps back. One key never cancels a QR the customer may be paying.
      setStep(step === null ? { kind: 'cancel' } : null);
    }
    const plainEnter = event.key === 'Enter' && !event.repeat && !(event.target instanceof HTMLButtonElement) && !(event.target instanceof HTMLInputElement);
    if (plainEnter && phase.kind === 'showing' && step?.kind === 'cancel') {
      event.preventDefault();
      sale.cancel();
    }
    if (plainEnter && phase.kind === 'paid') {
      event.preventDefault();
      nextSale();
    }
  }, active);

  return (
    <div className="sell-screen" ref={screen}>
      {phase.kind === 'unresolved' ? (
        <UnresolvedSale sale={phase.sale} error={phase.error} busy={sale.busy} onAnswer={sale.resolve} />
      ) : phase.kind === 'paid' ? (
        <PaidDone sale={phase.sale} settings={settings} onNext={nextSale} />
      ) : phase.kind === 'showing' ? (
        <SaleOnScreen
          sale={phase.sale}
          qr={phase.qr}
          deadline={phase.deadline}
          expired={phase.expired}
          step={step}
          busy={sale.busy}
          settings={settings}
          sandbox={sandbox}
          room={room}
          engineLost={engineLost}
          hubMissing={hubMissing}
          onExpired={() => sale.expiredLocally(phase.sale.saleId)}
          onStep={setStep}
          onConfirmPaid={sale.markPaid}
          onCancel={sale.cancel}
          onNewQr={() => sale.create(phase.sale.amountPaise)}
        />
      ) : (
        <AmountEntry
          text={text}
          onText={editText}
          showReason={attempted}
          capPaise={capPaise}
          creating={phase.kind === 'creating'}
          onAbandon={phase.kind === 'creating' && phase.saleId ? sale.abandon : null}
          error={phase.kind === 'entry' ? phase.error : null}
          notice={phase.kind === 'entry' ? phase.notice : null}
          onSubmit={submit}
          inputRef={amountRef}
        />
      )}
    </div>
  );
}
