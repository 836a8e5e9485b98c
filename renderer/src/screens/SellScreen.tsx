import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { formatPaise, parseAmount } from '../../../electron/contract/money';
import type { PosError, SaleView } from '../../../electron/contract';
import { Countdown } from '../components/Countdown';
import { Keypad } from '../components/Keypad';
import { QrCode } from '../components/QrCode';
import { t } from '../i18n/en';

interface Shown {
  sale: SaleView;
  /** performance.now() at receipt + the server's remaining time. */
  deadline: number;
}

function useWindowHeight(): number {
  const [height, setHeight] = useState(window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

export function SellScreen({ capPaise }: { capPaise: number }) {
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosError | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [ended, setEnded] = useState<SaleView | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [utr, setUtr] = useState('');
  const [unresolved, setUnresolved] = useState<SaleView | null>(null);
  const inFlight = useRef(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const height = useWindowHeight();

  const parsed = parseAmount(text, { capPaise });
  const expired = shown?.sale.state === 'expired';

  const show = useCallback((sale: SaleView | null) => {
    if (!sale) return;
    if (sale.state === 'showing' && sale.qr) {
      setShown({ sale, deadline: performance.now() + sale.qr.remainingMs });
      setError(null);
    } else if (sale.state === 'expired') {
      setShown((current) => (current && current.sale.saleId === sale.saleId ? { ...current, sale } : current));
    } else if (sale.state === 'paid') {
      setShown(null);
      setConfirming(false);
      setEnded(sale);
    } else if (sale.state === 'cancelled') {
      setShown((current) => (current && current.sale.saleId === sale.saleId ? null : current));
    }
  }, []);

  useEffect(() => {
    void window.pos.currentSale().then((result) => {
      if (result.ok && result.value?.state === 'unresolved') {
        setUnresolved(result.value);
      } else if (result.ok && result.value) {
        setText(String(result.value.amountPaise / 100));
        show(result.value);
      }
    });
    return window.pos.onSaleChanged((sale) => {
      if (sale && (sale.state === 'expired' || sale.state === 'paid')) show(sale);
    });
  }, [show]);

  async function createQr(amountPaise: number) {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setShown(null);
    try {
      const result = await window.pos.createSale({ amountPaise });
      if (result.ok) {
        if (result.value.state === 'showing') show(result.value);
      } else {
        setError(result.error);
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    setTouched(true);
    if (parsed.ok) void createQr(parsed.value);
  }

  async function cancel() {
    if (!shown) return;
    const result = await window.pos.cancelSale({ saleId: shown.sale.saleId });
    if (result.ok || result.error.code !== 'busy') setShown(null);
    amountRef.current?.focus();
  }

  async function confirmPaid() {
    if (!shown) return;
    const trimmed = utr.trim();
    if (trimmed && !/^\d{12}$/.test(trimmed)) return;
    const result = await window.pos.markPaid({ saleId: shown.sale.saleId, ...(trimmed ? { utr: trimmed } : {}) });
    if (result.ok) show(result.value);
    else setError(result.error);
  }

  function nextSale() {
    setEnded(null);
    setText('');
    setTouched(false);
    setUtr('');
    requestAnimationFrame(() => amountRef.current?.focus());
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && shown && !expired) void cancel();
      if (event.key === 'Enter' && ended) nextSale();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const onExpired = useCallback(() => setShown((current) => (current ? { ...current, sale: { ...current.sale, state: 'expired' } } : current)), []);

  async function resolve(paid: boolean) {
    if (!unresolved) return;
    const { saleId } = unresolved;
    const result = paid ? await window.pos.markPaid({ saleId }) : await window.pos.cancelSale({ saleId });
    if (!result.ok) return setError(result.error);
    const next = await window.pos.currentSale();
    setUnresolved(next.ok && next.value?.state === 'unresolved' ? next.value : null);
    setError(null);
  }

  if (unresolved) {
    return (
      <section className="unresolved" role="alertdialog" aria-labelledby="unresolved-title">
        <h2 id="unresolved-title">{t.sell.unresolvedTitle}</h2>
        <p className="amount" data-testid="unresolved-amount">{formatPaise(unresolved.amountPaise)}</p>
        <p>{t.sell.unresolvedBody}</p>
        <div className="actions">
          <button type="button" className="primary big" onClick={() => void resolve(true)}>{t.sell.unresolvedPaid}</button>
          <button type="button" className="big danger" onClick={() => void resolve(false)}>{t.sell.unresolvedCancel}</button>
        </div>
        {error && <ErrorBox error={error} />}
      </section>
    );
  }

  if (ended) {
    return (
      <section className="paid-done" aria-live="assertive">
        <p className="paid-title">
          {t.sell.paidDone} ✓ <span data-testid="paid-amount">{formatPaise(ended.amountPaise)}</span>
        </p>
        <button type="button" className="primary big" autoFocus onClick={nextSale}>
          {t.sell.nextSale}
        </button>
      </section>
    );
  }

  if (shown) {
    const { sale } = shown;
    const qr = sale.qr;
    return (
      <section className="sale-showing">
        <div className="qr-area">
          {qr && !expired ? (
            <QrCode intent={qr.intent} targetPx={Math.round(height * 0.64)} label={t.sell.qrLabel(formatPaise(sale.amountPaise), qr.payeeName || qr.payeeVpa)} />
          ) : (
            <div className="qr-expired" role="status">
              <p className="big-text">{t.sell.expired}</p>
              <p>{t.sell.expiredHelp}</p>
            </div>
          )}
        </div>
        <div className="sale-details">
          <p className="amount" data-testid="sale-amount">{formatPaise(sale.amountPaise)}</p>
          {qr && (
            <p className="payee">
              {t.sell.to} <strong>{qr.payeeName}</strong>
              <br />
              <span className="vpa">{qr.payeeVpa}</span>
            </p>
          )}
          {qr && !expired && <Countdown deadline={shown.deadline} stated={qr.expiryStated} onExpired={onExpired} />}
          {confirming ? (
            <div className="confirm-paid">
              <label htmlFor="utr">{t.sell.utr}</label>
              <input id="utr" inputMode="numeric" value={utr} onChange={(e) => setUtr(e.target.value.replace(/\D/g, '').slice(0, 12))} autoFocus />
              {utr && utr.length !== 12 && <p className="field-error" role="alert">{t.sell.utrInvalid}</p>}
              <div className="actions">
                <button type="button" className="primary big" onClick={() => void confirmPaid()}>
                  {t.sell.confirmPaid}
                </button>
                <button type="button" className="big" onClick={() => setConfirming(false)}>
                  {t.sell.back}
                </button>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button type="button" className="primary big" onClick={() => setConfirming(true)}>
                {t.sell.paid}
              </button>
              {expired ? (
                <button type="button" className="big" onClick={() => void createQr(sale.amountPaise)}>
                  {t.sell.newQr}
                </button>
              ) : (
                <button type="button" className="big danger" onClick={() => void cancel()}>
                  {t.sell.cancel}
                </button>
              )}
            </div>
          )}
          {error && <ErrorBox error={error} />}
        </div>
      </section>
    );
  }

  const showReason = touched && text !== '' && !parsed.ok;
  return (
    <section className="sell-entry">
      <form onSubmit={submit} className="amount-form" noValidate>
        <label htmlFor="amount" className="amount-label">
          {t.sell.amount}
        </label>
        <div className="amount-row">
          <span className="rupee" aria-hidden="true">₹</span>
          <input
            id="amount"
            ref={amountRef}
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            value={text}
            aria-describedby="amount-reason"
            aria-invalid={showReason}
            onChange={(e) => {
              setText(e.target.value);
              setTouched(true);
              setError(null);
            }}
            disabled={busy}
          />
        </div>
        <p id="amount-reason" className="field-error" role="alert">
          {showReason && !parsed.ok ? parsed.error.message : ''}
        </p>
        {parsed.ok && <p className="amount-preview">{formatPaise(parsed.value)}</p>}
        <button type="submit" className="primary huge" disabled={busy} aria-busy={busy}>
          {busy ? t.sell.asking : t.sell.showQr}
        </button>
        {busy && <p className="progress" role="status">{t.sell.asking}</p>}
        {error && <ErrorBox error={error} />}
      </form>
      <Keypad
        disabled={busy}
        onKey={(k) => { setText((v) => v + k); setTouched(true); setError(null); }}
        onBackspace={() => setText((v) => v.slice(0, -1))}
        onClear={() => setText('')}
      />
    </section>
  );
}

export function ErrorBox({ error }: { error: PosError }) {
  return (
    <div className="error-box" role="alert">
      <p>{error.message}</p>
      {error.bosMessage && (
        <p className="bos-said">
          {t.sell.bosSaid} {error.bosMessage}
          {error.bosCode ? ` (${error.bosCode})` : ''}
        </p>
      )}
    </div>
  );
}
