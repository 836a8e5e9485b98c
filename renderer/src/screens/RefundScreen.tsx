import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PosError, RefundAckView } from '../../../electron/contract';
import { t } from '../i18n/en';

const RESEND_COOLDOWN_S = 30;
const digits = (v: string) => v.replace(/\D/g, '');

export function RefundScreen({ sandbox }: { sandbox: boolean }) {
  const [referenceId, setReferenceId] = useState('');
  const [ackNo, setAckNo] = useState('');
  const [otp, setOtp] = useState('');
  const [sent, setSent] = useState<RefundAckView | null>(null);
  const [claimed, setClaimed] = useState<RefundAckView | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const [busy, setBusy] = useState(false);
  const [cooldown, setCooldown] = useState(0);
  const inFlight = useRef(false);

  useEffect(() => {
    if (cooldown <= 0) return undefined;
    const timer = setTimeout(() => setCooldown((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [cooldown]);

  async function run<T>(action: () => Promise<{ ok: true; value: T } | { ok: false; error: PosError }>, onOk: (value: T) => void) {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (result.ok) onOk(result.value);
      else setError(result.error);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  const sendOtp = (event?: FormEvent) => {
    event?.preventDefault();
    if (!referenceId || !ackNo) return;
    void run(() => window.pos.requestRefundOtp({ referenceId, ackNo }), (value) => {
      setSent(value);
      setCooldown(RESEND_COOLDOWN_S);
    });
  };

  const claim = (event?: FormEvent) => {
    event?.preventDefault();
    if (!/^\d{4,8}$/.test(otp)) return;
    void run(() => window.pos.claimRefund({ referenceId, ackNo, otp }), (value) => setClaimed(value));
  };

  const reset = () => {
    setReferenceId('');
    setAckNo('');
    setOtp('');
    setSent(null);
    setClaimed(null);
    setError(null);
  };

  if (claimed) {
    return (
      <section className="refund-done" aria-live="assertive">
        <p className="paid-title">{t.refund.claimed} ✓</p>
        <p>{t.refund.claimedFor(referenceId)}</p>
        <p className="bos-said">{t.refund.bosSaid} {claimed.message}</p>
        <button type="button" className="primary big" autoFocus onClick={reset}>
          {t.refund.newRefund}
        </button>
      </section>
    );
  }

  return (
    <section className="refund">
      <form onSubmit={sendOtp} className="refund-form" noValidate>
        <label htmlFor="reference-id">{t.refund.referenceId}</label>
        <input id="reference-id" inputMode="numeric" autoFocus value={referenceId} disabled={Boolean(sent)} onChange={(e) => setReferenceId(digits(e.target.value).slice(0, 30))} />
        <label htmlFor="ack-no">{t.refund.ackNo}</label>
        <input id="ack-no" inputMode="numeric" value={ackNo} disabled={Boolean(sent)} onChange={(e) => setAckNo(digits(e.target.value).slice(0, 30))} />
        {!sent && (
          <button type="submit" className="primary big" disabled={busy || !referenceId || !ackNo}>
            {busy ? t.refund.sending : t.refund.sendOtp}
          </button>
        )}
      </form>
      {sent && (
        <form onSubmit={claim} className="refund-form" noValidate>
          <div className="ok-box" role="status">
            <p>{sent.explanation}</p>
            <p className="bos-said">{t.refund.bosSaid} {sent.message}</p>
          </div>
          <label htmlFor="otp">{t.refund.otp}</label>
          <input id="otp" inputMode="numeric" autoComplete="one-time-code" autoFocus value={otp} aria-describedby="otp-hint" onChange={(e) => setOtp(digits(e.target.value).slice(0, 8))} />
          <p id="otp-hint" className="hint">{t.refund.otpHint}</p>
          <div className="actions">
            <button type="submit" className="primary big" disabled={busy || !/^\d{4,8}$/.test(otp)}>
              {busy ? t.refund.claiming : t.refund.claim}
            </button>
            <button type="button" className="big" disabled={busy || cooldown > 0} onClick={() => sendOtp()}>
              {cooldown > 0 ? t.refund.resendIn(cooldown) : t.refund.resend}
            </button>
            {sandbox && (
              <button type="button" className="big" disabled={busy} onClick={() => void run(() => window.pos.sandboxOtp({ referenceId, ackNo }), (v) => setOtp(v.otp))}>
                {t.refund.sandboxOtp}
              </button>
            )}
          </div>
        </form>
      )}
      {error && (
        <div className="error-box" role="alert">
          <p>{error.message}</p>
          {error.bosMessage && (
            <p className="bos-said">
              {t.refund.bosSaid} {error.bosMessage}
              {error.bosCode ? ` (${t.refund.code} ${error.bosCode})` : ''}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
