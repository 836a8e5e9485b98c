import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import type { HubView, PosError } from '../../../../electron/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { follow } from '../../hooks/follow';
import { callPos } from '../../hooks/usePos';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { language, t } from '../../i18n';
import { formatTime } from '../../i18n/dates';
import { groupedPairingCode, PAIRING_CODE_LENGTH, pairingCodeProblem } from '../../../../electron/contract/pairing-code';
import { hubAddressAllowed } from './hubAddress';

// Only the owner's Counter pairs counters and makes keys: loaded when first shown, not with the cashier's window.
const ShopOwnerPanel = lazy(() => import('./ShopOwnerPanel').then((m) => ({ default: m.ShopOwnerPanel })));

/** The link's state in plain words: connected to which shop and when a payment last came, or what is wrong. */
function HubState({ hub }: { hub: HubView }) {
  const line = (() => {
    if (hub.state === 'connected') {
      const seen = hub.lastPaymentAt ? t.hub.lastPayment(formatTime(hub.lastPaymentAt)) : t.hub.noPaymentYet;
      return `${t.hub.connected(hub.shopName ?? hub.url ?? '')} · ${seen}`;
    }
    if (hub.state === 'connecting') return t.hub.connectingNow;
    if (hub.state === 'reconnecting') return `${t.hub.reconnecting} ${t.hub.since(formatTime(hub.since))}`;
    if (hub.state === 'refused') return t.hub.refused;
    return t.hub.off;
  })();
  // Main says why a link was refused in English, below; another language says it first, in its own words.
  const refusedWhy = hub.state === 'refused' && language() !== 'en' ? t.hub.refusedWhy[hub.role === 'owner' ? 'owner' : 'counter'] : null;
  return (
    <div className={`hub-state hub-${hub.state}`} role="status" data-testid="hub-state">
      <p className="hub-line">
        <span className="hub-dot" aria-hidden="true" /> {line}
      </p>
      {hub.url && <p className="hub-url">{hub.url}</p>}
      {hub.embedded && <p className="hint">{t.hub.embedded}</p>}
      {refusedWhy && <p className="hub-why">{refusedWhy}</p>}
      {hub.problem && hub.state !== 'connected' && <p className="english-line" lang="en-IN">{hub.problem}</p>}
    </div>
  );
}

type Problem = 'address' | 'code' | 'typo' | null;

/**
 * A call's answer and main's pushes travel apart (in the preview, on different connections): an
 * answer that left before a push that came first must not undo it. `since` says which is newer.
 */
const newer = (next: HubView) => (shown: HubView | null) => (shown && shown.since > next.since ? shown : next);

/**
 * The shop hub in Settings (owner): its state, Disconnect, and pairing: the hub's address and a
 * one-time code. Pairing replaces the practice hub of the sandbox default.
 */
export function HubSection() {
  const [hub, setHub] = useState<HubView | null>(null);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [error, setError] = useState<PosError | null>(null);
  const [askingDisconnect, setAskingDisconnect] = useState(false);
  const { busy, run } = useSingleFlight();
  useEffect(() => follow(() => window.pos.hubStatus(), window.pos.onHubChanged, setHub), []);
  if (!hub) return null;

  const connect = (event: FormEvent) => {
    event.preventDefault();
    if (!hubAddressAllowed(url)) return setProblem('address');
    // The code's last digit checks the others: a typo is said here, before the hub counts it as a wrong try.
    const codeProblem = pairingCodeProblem(code);
    if (codeProblem) return setProblem(codeProblem === 'typo' ? 'typo' : 'code');
    setProblem(null);
    void run(async () => {
      setError(null);
      const result = await callPos(() => window.pos.connectHub({ url: url.trim(), code }));
      setCode('');
      if (!result.ok) return setError(result.error);
      setHub(newer(result.value));
      setUrl('');
    });
  };
  const disconnect = () =>
    void run(async () => {
      setError(null);
      const result = await callPos(() => window.pos.disconnectHub());
      setAskingDisconnect(false);
      if (!result.ok) return setError(result.error);
      setHub(newer(result.value));
    });

  const canPair = !hub.paired || hub.embedded || hub.state === 'refused';
  return (
    <section className="hub-section" aria-labelledby="hub-title">
      <h3 id="hub-title">{t.hub.title}</h3>
      <p className="hint">{t.hub.intro}</p>
      <HubState hub={hub} />
      {hub.paired && !hub.embedded &&
        (askingDisconnect ? (
          <div className="row-question-box" role="group" aria-label={t.hub.confirmDisconnect}>
            <p className="row-question">{t.hub.confirmDisconnect}</p>
            <div className="actions">
              <button type="button" className="danger big" disabled={busy} aria-busy={busy} onClick={disconnect}>{t.hub.yesDisconnect}</button>
              <button type="button" className="big" disabled={busy} onClick={() => setAskingDisconnect(false)}>{t.hub.back}</button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => setAskingDisconnect(true)}>{t.hub.disconnect}</button>
          </div>
        ))}
      {hub.paired && hub.role === 'owner' && hub.state !== 'refused' && (
        <Suspense fallback={null}>
          <ShopOwnerPanel />
        </Suspense>
      )}
      {canPair && (
        <form className="hub-pair" onSubmit={connect} noValidate aria-labelledby="hub-title">
          <div className="field">
            <label htmlFor="hub-url">{t.hub.address}</label>
            <input id="hub-url" type="url" autoComplete="off" spellCheck={false} value={url} aria-invalid={problem === 'address' || undefined} aria-describedby="hub-url-hint" onChange={(e) => setUrl(e.target.value)} />
            <p id="hub-url-hint" className="hint">{t.hub.addressHint}</p>
            {problem === 'address' && <p className="field-error" role="alert">{t.hub.addressInvalid}</p>}
          </div>
          <div className="field">
            <label htmlFor="hub-code">{t.hub.code}</label>
            {/* Digits only, grouped in fours as the owner's screen shows them; what is kept is the digits. */}
            <input id="hub-code" className="pairing-code-input" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={PAIRING_CODE_LENGTH + 3} value={groupedPairingCode(code)} aria-invalid={problem === 'code' || problem === 'typo' || undefined} aria-describedby="hub-code-hint" onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, PAIRING_CODE_LENGTH))} />
            <p id="hub-code-hint" className="hint">{t.hub.codeHint}</p>
            {problem === 'code' && <p className="field-error" role="alert">{t.hub.codeInvalid}</p>}
            {problem === 'typo' && <p className="field-error" role="alert">{t.hub.codeTypo}</p>}
          </div>
          <button type="submit" className="primary" disabled={busy} aria-busy={busy}>{busy ? t.hub.connecting : t.hub.connect}</button>
        </form>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
