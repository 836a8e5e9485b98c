import { useCallback, useEffect, useState } from 'react';
import type { PosError } from '../../../../electron/contract';
import type { OwnerKeyListing } from '../../../../electron/contract/hub';
import { ErrorBox } from '../../components/ErrorBox';
import { useOwner } from '../../hooks/useOwner';
import { callPos } from '../../hooks/usePos';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/dates';
import { ts } from '../../i18n/shop';

function madeBy(key: OwnerKeyListing): string {
  const by = ts().shopHub.madeBy;
  return key.origin === 'terminal' && key.madeBy ? by.terminal(key.madeBy.name) : key.origin === 'terminal' ? by.earlier : by[key.origin];
}

/** The shop's owner keys: what each is for and may do, when and where it was made, its last use; revoke (asked first). `version` changes when one was made. */
export function OwnerKeysList({ version }: { version: number }) {
  const [keys, setKeys] = useState<OwnerKeyListing[] | null>(null);
  const [asking, setAsking] = useState<OwnerKeyListing | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const { busy, run } = useSingleFlight();
  const { withOwner } = useOwner();

  const load = useCallback(async () => {
    const result = await callPos(() => window.pos.ownerKeys());
    if (result.ok) {
      setKeys(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, version]);

  const revoke = (key: OwnerKeyListing) =>
    void run(async () => {
      setError(null);
      const result = await withOwner(() => window.pos.revokeOwnerKey({ keyId: key.keyId }));
      setAsking(null);
      if (!result.ok) return setError(result.error);
      await load();
    });

  return (
    <section className="shop-hub-part" aria-labelledby="owner-keys-title">
      <div className="shop-hub-part-head">
        <h4 id="owner-keys-title">{ts().shopHub.keysTitle}</h4>
        <button type="button" onClick={() => void load()}>{ts().shopHub.refresh}</button>
      </div>
      <p className="hint">{ts().shopHub.keysHint}</p>
      {keys && keys.length === 0 && <p className="empty">{ts().shopHub.noKeys}</p>}
      {keys && keys.length > 0 && (
        <table className="terminals-table" aria-labelledby="owner-keys-title">
          <thead>
            <tr>
              <th scope="col">{ts().shopHub.keyColumns.label}</th>
              <th scope="col">{ts().shopHub.keyColumns.kind}</th>
              <th scope="col">{ts().shopHub.keyColumns.made}</th>
              <th scope="col">{ts().shopHub.keyColumns.lastUsed}</th>
              <th scope="col"><span className="visually-hidden">{ts().shopHub.keyColumns.action}</span></th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.keyId} className={key.revoked ? 'terminal-revoked' : undefined} data-testid="owner-key-row">
                <td>{key.label}</td>
                <td>{ts().shopHub.kindShort[key.kind]}</td>
                <td>
                  {formatDateTime(key.createdAt)}
                  <span className="key-made-by">{madeBy(key)}</span>
                </td>
                <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : ts().shopHub.never}</td>
                <td>
                  {key.revoked ? (
                    <span className="terminal-revoked-tag">{ts().shopHub.revoked}</span>
                  ) : asking?.keyId === key.keyId ? (
                    <div className="row-question-box" role="group" aria-label={ts().shopHub.confirmRevokeKey(key.label)}>
                      <p className="row-question">{ts().shopHub.confirmRevokeKey(key.label)}</p>
                      <div className="actions">
                        <button type="button" className="danger" disabled={busy} aria-busy={busy} onClick={() => revoke(key)}>{ts().shopHub.yesRevoke}</button>
                        <button type="button" disabled={busy} onClick={() => setAsking(null)}>{t.hub.back}</button>
                      </div>
                    </div>
                  ) : (
                    <button type="button" className="danger" disabled={busy} aria-label={ts().shopHub.revokeKeyNamed(key.label)} onClick={() => setAsking(key)}>{ts().shopHub.revoke}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
