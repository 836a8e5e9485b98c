import { useEffect, useState } from 'react';
import type { ExportView, PosError } from '../../../../electron/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { useOwner } from '../../hooks/useOwner';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { t } from '../../i18n';

/** The browser preview gets the file back and hands it to the browser's own download. */
function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function outcome(view: ExportView): string {
  if (view.kind === 'saved') return t.history.exported(view.rows, view.path);
  if (view.kind === 'download') return t.history.downloaded(view.rows, view.fileName);
  return t.history.exportCancelled;
}

/** CSV of a day or a span of days, written where the owner chooses (Electron) or downloaded (preview). */
export function ExportPanel({ day }: { day: string }) {
  const [from, setFrom] = useState(day);
  const [to, setTo] = useState(day);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<PosError | null>(null);
  const { busy, run } = useSingleFlight();
  const { withOwner } = useOwner();
  useEffect(() => {
    setFrom(day);
    setTo(day);
  }, [day]);

  const exportCsv = () =>
    void run(async () => {
      setNotice('');
      setError(null);
      const result = await withOwner(() => window.pos.exportHistory({ fromDay: from, toDay: to }));
      if (!result.ok) return setError(result.error);
      if (result.value.kind === 'download') download(result.value.fileName, result.value.content);
      setNotice(outcome(result.value));
    });

  return (
    <section className="export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t.history.exportTitle}</h2>
      <div className="export-row">
        <div className="field">
          <label htmlFor="export-from">{t.history.from}</label>
          <input id="export-from" type="date" value={from} required onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="export-to">{t.history.to}</label>
          <input id="export-to" type="date" value={to} required onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="button" className="primary" disabled={busy || !from || !to} aria-busy={busy} onClick={exportCsv}>
          {busy ? t.history.exporting : t.history.exportCsv}
        </button>
      </div>
      <p className="notice" role="status">{notice}</p>
      {error && <ErrorBox error={error} />}
    </section>
  );
}
