import { formatPaise } from '../../../electron/contract/money';
import { t } from '../i18n';

const BAR_WIDTH = 28;
const GAP = 6;
const HEIGHT = 120;

/** Bars of money collected per hour, from opening to closing (at least 08:00–20:00). */
export function HourChart({ byHour }: { byHour: readonly number[] }) {
  const active = byHour.flatMap((paise, hour) => (paise > 0 ? [hour] : []));
  const first = Math.min(8, ...active);
  const last = Math.max(20, ...active);
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const most = Math.max(1, ...byHour);
  const label = t.history.byHourLabel(active.map((h) => `${t.history.hour(h)} ${formatPaise(byHour[h]!)}`).join(', '));
  const width = hours.length * (BAR_WIDTH + GAP);
  return (
    <figure className="hour-chart">
      <figcaption>{t.history.byHourTitle}</figcaption>
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${HEIGHT + 22}`} width={width} height={HEIGHT + 22}>
        {hours.map((hour, i) => {
          const paise = byHour[hour] ?? 0;
          const h = paise > 0 ? Math.max(3, Math.round((paise / most) * HEIGHT)) : 0;
          const x = i * (BAR_WIDTH + GAP);
          return (
            <g key={hour}>
              <rect x={x} y={HEIGHT - h} width={BAR_WIDTH} height={h} className="bar" />
              <line x1={x} x2={x + BAR_WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} className="axis" />
              {hour % 2 === 0 && (
                <text x={x + BAR_WIDTH / 2} y={HEIGHT + 17} textAnchor="middle" className="tick">
                  {String(hour).padStart(2, '0')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
