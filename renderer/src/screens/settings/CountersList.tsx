import { useCallback, useEffect, useState } from 'react';
import type { PosError, TerminalView } from '../../../../electron/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { useOwner } from '../../hooks/useOwner';
import { callPos } from '../../hooks/usePos';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/dates';

/** Every terminal paired to the shop: name, role, last contact; revoke (asked first). `version` changes when a code was made. */
export function CountersList({ version }: { version: number }) {
  const [terminals, setTerminals] = useState<TerminalView[] | null>(null);
  const [asking, setAsking] = useState<TerminalView | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const { busy, run } = useSingleFlight();
  const { withOwner } = useOwner();

  const load = useCallback(async () => {
    const result = await callPos(() => window.pos.hubTerminals());
    if (result.ok) {
      setTerminals(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, version]);

  const revoke = (terminal: TerminalView) =>
    void run(async () => {
      setError(null);
      const result = await withOwner(() => window.pos.revokeTerminal({ terminalId: terminal.terminalId }));
      setAsking(null);
      if (!result.ok) return setError(result.error);
      await load();
    });

  return (
    <section className="shop-hub-part" aria-labelledby="counters-title">
      <div className="shop-hub-part-head">
        <h4 id="counters-title">{t.shopHub.countersTitle}</h4>
        <button type="button" onClick={() => void load()}>{t.shopHub.refresh}</button>
      </div>
      {terminals && terminals.length === 0 && <p className="empty">{t.shopHub.noTerminals}</p>}
      {terminals && terminals.length > 0 && (
        <table className="terminals-table" aria-labelledby="counters-title">
          <thead>
            <tr>
              <th scope="col">{t.shopHub.columns.name}</th>
              <th scope="col">{t.shopHub.columns.role}</th>
              <th scope="col">{t.shopHub.columns.lastContact}</th>
              <th scope="col"><span className="visually-hidden">{t.shopHub.columns.action}</span></th>
            </tr>
          </thead>
          <tbody>
            {terminals.map((terminal) => (
              <tr key={terminal.terminalId} className={terminal.revoked ? 'terminal-revoked' : undefined} data-testid="terminal-row">
                <td>
                  {terminal.name}
                  {terminal.thisCounter && <span className="this-counter"> · {t.shopHub.thisCounter}</span>}
                </td>
                <td>{t.shopHub.roles[terminal.role]}</td>
                <td>{terminal.lastSeenAt ? formatDateTime(terminal.lastSeenAt) : t.shopHub.never}</td>
                <td>
                  {terminal.revoked ? (
                    <span className="terminal-revoked-tag">{t.shopHub.revoked}</span>
                  ) : terminal.thisCounter ? null : asking?.terminalId === terminal.terminalId ? (
                    <div className="row-question-box" role="group" aria-label={t.shopHub.confirmRevoke(terminal.name)}>
                      <p className="row-question">{t.shopHub.confirmRevoke(terminal.name)}</p>
                      <div className="actions">
                        <button type="button" className="danger" disabled={busy} aria-busy={busy} onClick={() => revoke(terminal)}>{t.shopHub.yesRevoke}</button>
                        <button type="button" disabled={busy} onClick={() => setAsking(null)}>{t.hub.back}</button>
                      </div>
                    </div>
                  ) : (
                    <button type="button" className="danger" disabled={busy} aria-label={t.shopHub.revokeNamed(terminal.name)} onClick={() => setAsking(terminal)}>{t.shopHub.revoke}</button>
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
