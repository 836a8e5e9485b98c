import { useMemo } from 'react';
import { qrSvgPath } from './qr-path';

/** Black on white SVG, four-module quiet zone, whole CSS pixels per module. The intent is encoded exactly as given. */
export function QrCode({ intent, targetPx, label }: { intent: string; targetPx: number; label: string }) {
  const { path, modules } = useMemo(() => qrSvgPath(intent), [intent]);
  const px = Math.max(2, Math.floor(targetPx / modules)) * modules;
  return (
    <svg role="img" aria-label={label} width={px} height={px} viewBox={`0 0 ${modules} ${modules}`} shapeRendering="crispEdges" className="qr">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
