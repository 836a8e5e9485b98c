import { useEffect, useState } from 'react';
import type { CustomerView } from '../../../electron/contract/customer';
import { DEFAULT_LANGUAGE, localeOf } from '../../../electron/contract/languages';
import { formatPaise } from '../../../electron/contract/money';
import type { QrView, SaleView } from '../../../electron/contract/views';
import { BreakableAmount } from '../components/BreakableAmount';
import { QrCode } from '../components/QrCode';
import { withQuietZone } from '../components/qr-path';
import { follow } from '../hooks/follow';
import { useEngineLost } from '../hooks/useEngineLink';
import { formatTimeLeft, useTimeLeft } from '../hooks/useTimeLeft';
import { useViewport } from '../hooks/useViewport';
import { useQrMatrix } from '../hooks/useQrMatrix';
import { customerQrLayout } from './layout';
import { holdKey, phaseOf } from './phase';
import { customerStrings, type CustomerStrings } from './strings';

/** A tick in a circle, drawn (a font's ✓ sits off centre). */
function Tick() {
  return (
    <svg className="cd-tick" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="45" fill="none" stroke="currentColor" strokeWidth="7" />
      <polyline points="29,52 44,67 72,37" fill="none" stroke="currentColor" strokeWidth="9" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** A view and when it arrived (performance.now()): time left is counted from receipt, never from the PC's clock. */
interface Received {
  view: CustomerView;
  at: number;
}

/** Follows window.customer: the first view, then every change main pushes (a push always wins over a slower first read). */
function useCustomerView(): Received | null {
  const [received, setReceived] = useState<Received | null>(null);
  useEffect(() => follow(window.customer.view, window.customer.onChange, (view) => setReceived({ view, at: performance.now() })), []);
  return received;
}

/** The language, look and title follow the view: document lang, the cashier window's theme attribute. */
function useLook(view: CustomerView | null, s: CustomerStrings): void {
  const language = view?.language ?? DEFAULT_LANGUAGE;
  const theme = view?.theme ?? 'light';
  useEffect(() => {
    document.documentElement.lang = localeOf(language);
    document.documentElement.dataset.theme = theme;
    document.title = s.title;
  }, [language, theme, s]);
}

function Countdown({ deadline, stated, s, onAnnounce }: { deadline: number; stated: boolean; s: CustomerStrings; onAnnounce: (text: string) => void }) {
  const left = useTimeLeft(deadline, { onCross: (mark) => onAnnounce(mark === 'ten' ? s.announceTen : s.announceMinute) });
  const seconds = Math.ceil(left / 1000);
  return (
    <p className="cd-countdown">
      <span className="cd-label">{s.timeLeft}</span>
      {/* Not live: it would chatter every second. The page's polite region speaks at one minute and ten seconds. */}
      <span className={seconds <= 30 ? 'cd-time urgent' : 'cd-time'} data-testid="customer-countdown" aria-live="off">
        {stated ? '' : `${s.timeAbout} `}
        {formatTimeLeft(left)}
      </span>
    </p>
  );
}

function SaleShown({ sale, qr, at, s, onAnnounce }: { sale: SaleView; qr: QrView; at: number; s: CustomerStrings; onAnnounce: (text: string) => void }) {
  const viewport = useViewport();
  const matrix = useQrMatrix(qr.intent);
  const amount = formatPaise(sale.amountPaise);
  const payee = qr.payeeName || qr.payeeVpa;
  const layout = matrix ? customerQrLayout(withQuietZone(matrix), viewport) : { px: Math.round(viewport.height * 0.6), sideBySide: true };
  const deadline = at + qr.remainingMs;

  return (
    <div className={layout.sideBySide ? 'cd-sale' : 'cd-sale stacked'}>
      <div className="cd-qr" style={{ width: layout.px, height: layout.px }}>
        {matrix ? <QrCode matrix={matrix} sizePx={layout.px} label={s.qrLabel(amount, payee)} /> : <p className="cd-qr-missing">{s.expiredHelp}</p>}
      </div>
      <div className="cd-details">
        <h1 className="cd-label">{s.amountToPay}</h1>
        <p className="cd-amount" data-testid="customer-amount"><BreakableAmount amount={amount} /></p>
        <p className="cd-payee">
          <span className="cd-label">{s.payTo}</span> <strong>{payee}</strong>
        </p>
        {qr.payeeName && <p className="cd-vpa">{qr.payeeVpa}</p>}
        <Countdown deadline={deadline} stated={qr.expiryStated} s={s} onAnnounce={onAnnounce} />
        <p className="cd-hint">{s.scanHint}</p>
      </div>
    </div>
  );
}

/** Greets when there is no sale, shows the QR and amount while there is one, then says how it ended. No controls. */
export function CustomerApp({ holdMs }: { holdMs: number }) {
  const received = useCustomerView();
  const view = received?.view ?? null;
  const s = customerStrings(view?.language ?? DEFAULT_LANGUAGE);
  useLook(view, s);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [countdownNews, setCountdownNews] = useState('');
  // While Counter's engine is not answering no QR is offered: the sale may be over by the time it is back.
  const engineLost = useEngineLost();
  const shown = phaseOf(view, dismissed);
  const phase = engineLost && (shown.kind === 'showing' || shown.kind === 'creating') ? { kind: 'waiting' as const } : shown;

  // "Paid" and "QR expired" stay up for the hold, then the next customer is greeted.
  const heldKey = phase.kind === 'paid' || phase.kind === 'expired' ? holdKey(phase.sale) : null;
  useEffect(() => {
    if (!heldKey) return undefined;
    const timer = setTimeout(() => setDismissed(heldKey), holdMs);
    return () => clearTimeout(timer);
  }, [heldKey, holdMs]);

  const saleId = phase.kind === 'idle' || phase.kind === 'waiting' ? null : phase.sale.saleId;
  useEffect(() => setCountdownNews(''), [saleId, phase.kind]);

  // One polite region for the whole page: what changed, and the minute and ten-second marks.
  const news = phase.kind === 'creating' ? s.preparing : phase.kind === 'paid' ? s.paid : phase.kind === 'expired' ? s.expired : phase.kind === 'showing' ? countdownNews : phase.kind === 'waiting' ? s.wait : '';

  if (!received) return <main className="cd cd-blank" />;

  return (
    <main className={`cd cd-${phase.kind}`} data-phase={phase.kind}>
      <p className="visually-hidden" aria-live="polite">{news}</p>
      {phase.kind === 'idle' && (
        <div className="cd-idle-body">
          <h1 className="cd-shop">{view?.shopName || s.welcome}</h1>
          <p className="cd-upi">{s.upiAccepted}</p>
          <p className="cd-sub">{s.scanWithAnyApp}</p>
        </div>
      )}
      {phase.kind === 'creating' && (
        <div className="cd-message">
          <h1 className="cd-message-title">{s.preparing}</h1>
          <p className="cd-amount" data-testid="customer-amount">{formatPaise(phase.sale.amountPaise)}</p>
        </div>
      )}
      {phase.kind === 'showing' && <SaleShown sale={phase.sale} qr={phase.qr} at={received.at} s={s} onAnnounce={setCountdownNews} />}
      {phase.kind === 'paid' && (
        <div className="cd-message cd-paid-body">
          <Tick />
          <h1 className="cd-message-title">{s.paid}</h1>
          <p className="cd-paid-amount" data-testid="customer-amount">
            {phase.sale.confirmedBy === 'bos' ? s.paidBos(formatPaise(phase.sale.amountPaise)) : s.paidAmount(formatPaise(phase.sale.amountPaise))}
          </p>
          {phase.sale.confirmedBy === 'bos' && phase.sale.utr && <p className="cd-sub" data-testid="customer-utr">{s.utr(phase.sale.utr)}</p>}
        </div>
      )}
      {phase.kind === 'waiting' && (
        <div className="cd-message">
          <h1 className="cd-message-title">{s.wait}</h1>
        </div>
      )}
      {phase.kind === 'expired' && (
        <div className="cd-message">
          <h1 className="cd-message-title">{s.expired}</h1>
          <p className="cd-sub">{s.expiredHelp}</p>
        </div>
      )}
      {view?.training && <p className="cd-practice">{s.practice}</p>}
    </main>
  );
}
