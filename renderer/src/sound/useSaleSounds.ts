import { useEffect, useRef } from 'react';
import type { SettingsView } from '../../../electron/contract';
import { formatPaise } from '../../../electron/contract/money';
import { t } from '../i18n';
import type { SalePhase } from '../state/saleReducer';
import { playSound, preloadSounds, type SaleSound } from './sounds';
import { speak, spokenAmount, warmUpVoices } from './speech';

/**
 * The sound due when the Sell screen's phase goes from `before` to `after`, or null. Only
 * transitions seen live on this screen count:
 * - a QR appears after this screen asked for it (creating → showing, not yet expired), so a sale
 *   resumed after a reload (entry → showing) is silent;
 * - the QR on screen expires (showing → showing expired, same sale);
 * - the sale on screen is marked paid (showing or unresolved → paid, same sale).
 */
export function saleSoundFor(before: SalePhase, after: SalePhase): SaleSound | null {
  if (after.kind === 'showing' && !after.expired && before.kind === 'creating') return 'qr';
  if (after.kind === 'showing' && after.expired && before.kind === 'showing' && !before.expired && before.sale.saleId === after.sale.saleId) return 'expired';
  if (after.kind === 'paid' && (before.kind === 'showing' || before.kind === 'unresolved') && before.sale.saleId === after.sale.saleId) return 'paid';
  return null;
}

/**
 * Plays one sound per phase transition. The previous phase lives in a ref and is compared by
 * identity first, so re-renders (and StrictMode's second effect run) play nothing. Until the
 * settings have loaded nothing plays: a muted counter must never beep. When BOS confirmed the
 * payment (nobody at the counter pressed anything) the amount is also spoken, where the OS has a
 * voice for the language in use.
 */
export function useSaleSounds(phase: SalePhase, settings: SettingsView | null): void {
  const previous = useRef(phase);
  const current = useRef(settings);
  useEffect(() => {
    current.current = settings;
  }, [settings]);
  useEffect(() => {
    preloadSounds();
    warmUpVoices();
  }, []);
  useEffect(() => {
    const before = previous.current;
    previous.current = phase;
    if (before === phase) return;
    const sound = saleSoundFor(before, phase);
    const now = current.current;
    if (!sound || !now) return;
    playSound(sound, now);
    if (sound === 'paid' && phase.kind === 'paid' && phase.sale.confirmedBy === 'bos') speak(t.sell.spokenReceived(spokenAmount(formatPaise(phase.sale.amountPaise))), now);
  }, [phase]);
}
