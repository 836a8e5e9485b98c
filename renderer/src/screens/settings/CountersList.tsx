import { useCallback, useEffect, useState } from 'react';
import type { PosError, TerminalView } from '../../../../electron/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { useOwner } from '../../hooks/useOwner';
import { callPos } from '../../hooks/usePos';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { t } from '../../i18n';
import { ts } from '../../i18n/shop';
import { formatDateTime } from '../../i18n/dates';

/** Every terminal paired to the shop: name, role, last contact; revoke (asked first). `version` changes when a code was made. */
export function CountersList({ version, onRevoked }: { version: number; onRevoked: () => void }) {
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
      onRevoked();
      await load();
    });

  return (
    <section className="shop-hub-part" aria-labelledby="counters-title">
      <div className="shop-hub-part-head">
        <h4 id="counters-title">{ts().shopHub.countersTitle}</h4>
        <button type="button" onClick={() => void load()}>{ts().shopHub.refresh}</button>
      </div>
      {terminals && terminals.length === 0 && <p className="empty">{ts().shopHub.noTerminals}</p>}
      {terminals && terminals.length > 0 && (
        <table className="terminals-table" aria-labelledby="counters-title">
          <thead>
            <tr>
              <th scope="col">{ts().shopHub.columns.name}</th>
              <th scope="col">{ts().shopHub.columns.role}</th>
              <th scope="col">{ts().shopHub.columns.lastContact}</th>
              <th scope="col"><span className="visually-hidden">{ts().shopHub.columns.action}</span></th>
            </tr>
          </thead>
          <tbody>
            {terminals.map((terminal) => (
              <tr key={terminal.terminalId} className={terminal.revoked ? 'terminal-revoked' : undefined} data-testid="terminal-row">
                <td>
                  {terminal.name}
                  {terminal.thisCounter && <span className="this-counter"> · {ts().shopHub.thisCounter}</span>}
                </td>
                <td>{ts().shopHub.roles[terminal.role]}</td>
                <td>{terminal.lastSeenAt ? formatDateTime(terminal.lastSeenAt) : ts().shopHub.never}</td>
                <td>
                  {terminal.revoked ? (
                    <span className="terminal-revoked-tag">{ts().shopHub.revoked}</span>
                  ) : terminal.thisCounter ? null : asking?.terminalId === terminal.terminalId ? (
                    <div className="row-question-box" role="group" aria-label={ts().shopHub.confirmRevoke(terminal.name)}>
                      <p className="row-question">{ts().shopHub.confirmRevoke(terminal.name)}</p>
                      <div className="actions">
                        <button type="button" className="danger" disabled={busy} aria-busy={busy} onClick={() => revoke(terminal)}>{ts().shopHub.yesRevoke}</button>
                        <button type="button" disabled={busy} onClick={() => setAsking(null)}>{t.hub.back}</button>
                      </div>
                    </div>
                  ) : (
                    <button type="button" className="danger" disabled={busy} aria-label={ts().shopHub.revokeNamed(terminal.name)} onClick={() => setAsking(terminal)}>{ts().shopHub.revoke}</button>
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
