import { useEffect, useState } from 'react';
import type { ExportFormat, ExportView, PosError } from '../../../../electron/contract';
import { daysInSpan, MAX_SHOP_EXPORT_DAYS } from '../../../../electron/contract/days';
import { ErrorBox } from '../../components/ErrorBox';
import { useOwner } from '../../hooks/useOwner';
import { useSingleFlight } from '../../hooks/useSingleFlight';
import { t } from '../../i18n';
import { DayField } from './DayField';

type Download = Extract<ExportView, { kind: 'download' }>;

/** The browser preview gets the file back and hands it to the browser's own download: text as it is, a workbook from its base64. */
function download(file: Download): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Worded when shown, so a language switched meanwhile is the one it is said in. */
function outcome(view: ExportView): () => string {
  if (view.kind === 'saved') return () => t.export.saved(view.rows, view.path);
  if (view.kind === 'download') return () => t.export.downloaded(view.rows, view.fileName);
  return () => t.export.cancelled;
}

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

/** The whole shop's export (owner's Counter): all counters or the one chosen, at most 31 days. */
export interface ShopExport {
  terminalId: string | null;
  /** The panel's title and the refusal of too long a span, in the whole-shop strings (loaded with that screen). */
  title: string;
  tooLong: string;
}

/**
 * A day or a span of days as an Excel workbook or a CSV, written where the owner chooses (Electron)
 * or downloaded (preview): this counter's journal, or with `shop` the whole shop's sales from the hub.
 */
export function ExportPanel({ day, today, shop }: { day: string; today: string; shop?: ShopExport }) {
  const [from, setFrom] = useState(day);
  const [to, setTo] = useState(day);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [notice, setNotice] = useState<(() => string) | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const { busy, run } = useSingleFlight();
  const { withOwner } = useOwner();
  useEffect(() => {
    setFrom(day);
    setTo(day);
  }, [day]);

  const backwards = from > to;
  const tooLong = !backwards && shop !== undefined && daysInSpan(from, to) > MAX_SHOP_EXPORT_DAYS;
  const exportFile = () =>
    void run(async () => {
      setNotice(null);
      setError(null);
      const result = await withOwner(() =>
        shop ? window.pos.exportShop({ fromDay: from, toDay: to, format, ...(shop.terminalId ? { terminalId: shop.terminalId } : {}) }) : window.pos.exportHistory({ fromDay: from, toDay: to, format }),
      );
      if (!result.ok) return setError(result.error);
      if (result.value.kind === 'download') download(result.value);
      setNotice(() => outcome(result.value));
    });

  return (
    <section className="export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{shop ? shop.title : t.export.title}</h2>
      <div className="export-row">
        <DayField id="export-from" label={t.export.from} value={from} max={today} onChange={setFrom} />
        <DayField id="export-to" label={t.export.to} value={to} max={today} onChange={setTo} />
        <fieldset className="export-format">
          <legend>{t.export.format}</legend>
          {FORMATS.map((f) => (
            <label key={f} className="radio">
              <input type="radio" name="export-format" value={f} checked={format === f} aria-describedby={`export-hint-${f}`} onChange={() => setFormat(f)} />
              <span>
                {t.export.formats[f]}
                <span id={`export-hint-${f}`} className="hint">{t.export.formatHints[f]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="button" className="primary" disabled={busy || backwards || tooLong} aria-busy={busy} onClick={exportFile}>
          {busy ? t.export.exporting : t.export.run[format]}
        </button>
      </div>
      {backwards && <p className="field-error" role="alert">{t.export.backwards}</p>}
      {tooLong && <p className="field-error" role="alert">{shop?.tooLong}</p>}
      <p className="notice" role="status">{notice?.() ?? ''}</p>
      {error && <ErrorBox error={error} />}
    </section>
  );
}
