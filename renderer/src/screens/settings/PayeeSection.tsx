import { useState } from 'react';
import type { PosError } from '../../../../electron/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { useOwner } from '../../hooks/useOwner';
import { useSettings } from '../../hooks/usePos';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/dates';

function PayeeCard({ label, name, vpa, when, testId }: { label: string | null; name: string; vpa: string; when: string; testId: string }) {
  return (
    <div className="payee-card" data-testid={testId}>
      {label && <p className="payee-label">{label}</p>}
      <p className="payee-name">{name}</p>
      <p className="payee-vpa">{vpa}</p>
      <p className="hint">{when}</p>
    </div>
  );
}

/**
 * Who this BOS account's QRs pay: the payee pinned by the first QR. When BOS starts making QRs for
 * another, Sell refuses them until the owner, seeing both side by side, accepts the new one.
 */
export function PayeeSection() {
  const { settings, replace } = useSettings();
  const { withOwner } = useOwner();
  const [asking, setAsking] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<PosError | null>(null);
  const { busy, run } = useSingleFlight();
  if (!settings) return null;
  const { pinned, offered } = settings.payee;

  const accept = (vpa: string) =>
    void run(async () => {
      setError(null);
      const result = await withOwner(() => window.pos.acceptPayee({ vpa }));
      setAsking(false);
      if (!result.ok) return setError(result.error);
      replace(result.value);
      setAccepted(true);
    });

  return (
    <section className={offered ? 'payee-section payee-changed' : 'payee-section'} aria-labelledby="payee-title">
      <h3 id="payee-title">{t.payee.title}</h3>
      {offered ? (
        <div className="warning-box" role="alert">
          <p className="payee-warning-title">{t.payee.offeredTitle}</p>
          <p>{t.payee.offeredBody}</p>
        </div>
      ) : null}
      <div className="payee-cards">
        {pinned ? <PayeeCard testId="payee-pinned" label={offered ? t.payee.current : null} name={pinned.name} vpa={pinned.vpa} when={t.payee.since(formatDateTime(pinned.since))} /> : <p>{t.payee.none}</p>}
        {offered && <PayeeCard testId="payee-offered" label={t.payee.offered} name={offered.name} vpa={offered.vpa} when={t.payee.seen(formatDateTime(offered.seenAt))} />}
      </div>
      {offered &&
        (asking ? (
          <div className="row-question-box" role="group" aria-label={t.payee.confirmAccept(`${offered.name} (${offered.vpa})`)}>
            <p className="row-question">{t.payee.confirmAccept(`${offered.name} (${offered.vpa})`)}</p>
            <div className="actions">
              <button type="button" className="primary big" disabled={busy} aria-busy={busy} onClick={() => accept(offered.vpa)}>{t.payee.yesAccept}</button>
              <button type="button" className="big" disabled={busy} onClick={() => setAsking(false)}>{t.payee.back}</button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="button" className="big" onClick={() => { setAccepted(false); setAsking(true); }}>{t.payee.accept}</button>
          </div>
        ))}
      <p className="notice" role="status">{accepted && !offered ? t.payee.accepted : ''}</p>
      {error && <ErrorBox error={error} />}
    </section>
  );
}
