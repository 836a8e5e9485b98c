import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PosError, RefundAckView, SettingsView } from '../../../electron/contract';
import { refundMeaning } from '../../../electron/contract/refund-codes';
import { DigitsField } from '../components/DigitsField';
import { ErrorBox } from '../components/ErrorBox';
import { useCooldown } from '../hooks/useCooldown';
import { useOwner } from '../hooks/useOwner';
import { callPos } from '../hooks/usePos';
import { useSingleFlight } from '../hooks/useSingleFlight';
import { language, t } from '../i18n';
import { paperOf } from '../print/paper';
import { RefundSlip, SlipPortal } from '../print/PrintSlip';
import { printText } from '../print/strings';
import { usePrintJob } from '../print/usePrintJob';

const RESEND_COOLDOWN_S = 30;
const MAX_DIGITS = 30;
const OTP = /^\d{6}$/;

/** Why a reference id or ack no cannot be sent yet; '' when it can (or when empty and not yet required). */
export function digitsProblem(label: string, value: string, required: boolean): string {
  if (value === '') return required ? t.refund.required(label) : '';
  if (!/^\d+$/.test(value)) return t.refund.digitsOnly(label);
  if (value.length > MAX_DIGITS) return t.refund.tooLong(label);
  return '';
}

/** A refusal from BOS's refund family: main's English says what its response code means and what to do next; so does this, in the language in use. */
function refusalMeaning(error: PosError): string | undefined {
  return error.code === 'rejected' ? t.refund.meanings[refundMeaning(error.bosCode, error.bosMessage)] : undefined;
}

/** A claimed refund: what BOS said, a slip to hand over, and the way to the next one. */
function RefundDone({ referenceId, ackNo, claimed, settings, onNew }: { referenceId: string; ackNo: string; claimed: { ack: RefundAckView; at: number }; settings: SettingsView | null; onNew: () => void }) {
  const printJob = usePrintJob();
  const paper = paperOf(settings);
  return (
    <section className="refund-done" role="status">
      <p className="done-title">
        {t.refund.claimed} <span aria-hidden="true">✓</span>
      </p>
      <p className="done-detail">{t.refund.claimedFor(referenceId)}</p>
      <p className="done-detail">{t.refund.claimedAck(ackNo)}</p>
      <p className="bos-said">
        {t.errors.bosSaid} {claimed.ack.message}
      </p>
      <div className="paid-actions">
        <button type="button" className="primary big" autoFocus onClick={onNew}>{t.refund.newRefund}</button>
        <button type="button" className="big print-button" onClick={printJob.print}>{printText().printRefund}</button>
      </div>
      {printJob.job && (
        <SlipPortal paper={paper} heightPx={printJob.job.heightPx}>
          <RefundSlip practice={settings?.environment === 'sandbox'} referenceId={referenceId} ackNo={ackNo} claimedAt={claimed.at} bosMessage={claimed.ack.message} shopName={settings?.shopName ?? ''} paper={paper} slipRef={printJob.slipRef} />
        </SlipPortal>
      )}
    </section>
  );
}

/**
 * Refund by OTP: the slip's two numbers → Send OTP → the customer's OTP → Claim refund. On a wide
 * screen the OTP step sits beside the numbers, so the step's button and its message stay in view.
 */
export function RefundScreen({ settings, sandbox, active }: { settings: SettingsView | null; sandbox: boolean; active: boolean }) {
  const { withOwner } = useOwner();
  const [referenceId, setReferenceId] = useState('');
  const [ackNo, setAckNo] = useState('');
  const [otp, setOtp] = useState('');
  const [triedSend, setTriedSend] = useState(false);
  const [triedClaim, setTriedClaim] = useState(false);
  const [sent, setSent] = useState<RefundAckView | null>(null);
  const [claimed, setClaimed] = useState<{ ack: RefundAckView; at: number } | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const { busy, run } = useSingleFlight();
  const cooldown = useCooldown();
  const referenceField = useRef<HTMLInputElement>(null);
  const otpField = useRef<HTMLInputElement>(null);
  const stage = claimed ? 'done' : sent ? 'otp' : 'numbers';

  useEffect(() => {
    if (!active) return;
    if (stage === 'numbers') referenceField.current?.focus();
    if (stage === 'otp') otpField.current?.focus();
  }, [active, stage]);

  const referenceProblem = digitsProblem(t.refund.referenceId, referenceId, triedSend);
  const ackProblem = digitsProblem(t.refund.ackNo, ackNo, triedSend);
  const otpProblem = (triedClaim || otp.length >= 6) && !OTP.test(otp) ? t.refund.otpInvalid : '';

  const requestOtp = () =>
    void run(async () => {
      setError(null);
      const result = await callPos(() => window.pos.requestRefundOtp({ referenceId, ackNo }));
      if (!result.ok) return setError(result.error);
      setSent(result.value);
      setOtp('');
      setTriedClaim(false);
      cooldown.start(RESEND_COOLDOWN_S);
    });

  const sendOtp = (event: FormEvent) => {
    event.preventDefault();
    setTriedSend(true);
    if (digitsProblem(t.refund.referenceId, referenceId, true) || digitsProblem(t.refund.ackNo, ackNo, true)) return;
    requestOtp();
  };

  const claim = (event: FormEvent) => {
    event.preventDefault();
    setTriedClaim(true);
    if (!OTP.test(otp)) return;
    void run(async () => {
      setError(null);
      const result = await withOwner(() => window.pos.claimRefund({ referenceId, ackNo, otp }));
      if (result.ok) setClaimed({ ack: result.value, at: Date.now() });
      else setError(result.error);
    });
  };

  const showSandboxOtp = () =>
    void run(async () => {
      setError(null);
      const result = await callPos(() => window.pos.sandboxOtp({ referenceId, ackNo }));
      if (result.ok) setOtp(result.value.otp);
      else setError(result.error);
      // The button that had focus is disabled while asking: the cursor goes on to the OTP, ready for Claim.
      otpField.current?.focus();
    });

  const changeNumbers = () => {
    setSent(null);
    setOtp('');
    setError(null);
    setTriedClaim(false);
    cooldown.reset();
  };

  const startOver = () => {
    changeNumbers();
    setClaimed(null);
    setReferenceId('');
    setAckNo('');
    setTriedSend(false);
  };

  if (stage === 'done' && claimed) return <RefundDone referenceId={referenceId} ackNo={ackNo} claimed={claimed} settings={settings} onNew={startOver} />;

  const locked = stage !== 'numbers';
  // The message goes with the step it is about: below Send OTP, or below Claim refund.
  const errorBox = error && <ErrorBox error={error} detail={refusalMeaning(error)} />;
  return (
    <section className={sent ? 'refund refund-two' : 'refund'}>
      <h2 className="screen-title">{t.refund.title}</h2>
      <form className="refund-numbers" onSubmit={sendOtp} noValidate>
        <p className="hint numbers-hint">{t.refund.numbersHint}</p>
        <div className="number-pair">
          <DigitsField id="reference-id" ref={referenceField} label={t.refund.referenceId} value={referenceId} onChange={setReferenceId} error={referenceProblem} readOnly={locked} maxLength={MAX_DIGITS + 1} />
          <DigitsField id="ack-no" label={t.refund.ackNo} value={ackNo} onChange={setAckNo} error={ackProblem} readOnly={locked} maxLength={MAX_DIGITS + 1} />
        </div>
        {locked ? (
          // Distinct keys: React must not reuse the submit button here, or this click would also send an OTP.
          // Beside the numbers go the step's other buttons, so Claim refund and its message keep the OTP side to themselves.
          <div key="change" className="actions refund-more">
            <button type="button" disabled={busy} onClick={changeNumbers}>{t.refund.changeNumbers}</button>
            <button type="button" disabled={busy || cooldown.secondsLeft > 0} onClick={requestOtp}>
              {cooldown.secondsLeft > 0 ? t.refund.resendIn(cooldown.secondsLeft) : t.refund.resend}
            </button>
            {sandbox && (
              <button type="button" className="training" disabled={busy} onClick={showSandboxOtp}>{t.refund.sandboxOtp}</button>
            )}
          </div>
        ) : (
          <button key="send" type="submit" className="primary big" disabled={busy} aria-busy={busy}>
            {busy ? t.refund.sending : t.refund.sendOtp}
          </button>
        )}
        {!sent && errorBox}
      </form>
      {sent && (
        <form className="refund-otp" onSubmit={claim} noValidate>
          <div className="ok-box" role="status">
            <p className="ok-title">{t.refund.otpSent}</p>
            {/* Main explains in English; other languages say the same thing (the OTP went out) in their own words. */}
            <p>{language() === 'en' ? sent.explanation : t.refund.otpSentTo}</p>
            <p className="bos-said">
              {t.errors.bosSaid} {sent.message}
            </p>
          </div>
          <DigitsField id="otp" ref={otpField} label={t.refund.otp} value={otp} onChange={setOtp} error={otpProblem} hint={t.refund.otpHint} autoComplete="one-time-code" maxLength={6} />
          <div className="actions">
            <button type="submit" className="primary big" disabled={busy} aria-busy={busy}>
              {busy ? t.refund.claiming : t.refund.claim}
            </button>
          </div>
          {errorBox}
        </form>
      )}
    </section>
  );
}
