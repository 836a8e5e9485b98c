import QRCode from 'qrcode';
import { useMemo } from 'react';

const QUIET_ZONE = 4;

/** The module matrix for an intent, error correction M. The intent is encoded exactly as given. */
export function qrModules(intent: string): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = QRCode.create(intent, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (x, y) => data[y * size + x] === 1 };
}

/** Black on white SVG, four-module quiet zone, whole CSS pixels per module. */
export function QrCode({ intent, targetPx, label }: { intent: string; targetPx: number; label: string }) {
  const { path, modules } = useMemo(() => {
    const { size, dark } = qrModules(intent);
    let d = '';
    for (let y = 0; y < size; y += 1) for (let x = 0; x < size; x += 1) if (dark(x, y)) d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    return { path: d, modules: size + QUIET_ZONE * 2 };
  }, [intent]);
  const px = Math.max(2, Math.floor(targetPx / modules)) * modules;
  return (
    <svg role="img" aria-label={label} width={px} height={px} viewBox={`0 0 ${modules} ${modules}`} shapeRendering="crispEdges" className="qr">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
