import { useMemo } from 'react';
import { qrPath, qrPixelSize, withQuietZone, type QrMatrix } from './qr-path';

/** The QR drawing: black on white, crisp edges, quiet zone included, `side` wide and high (px or mm). */
export function QrSvg({ matrix, side, label, className = 'qr' }: { matrix: QrMatrix; side: number | string; label: string; className?: string }) {
  const path = useMemo(() => qrPath(matrix), [matrix]);
  const modules = withQuietZone(matrix);
  return (
    <svg className={className} role="img" aria-label={label} width={side} height={side} viewBox={`0 0 ${modules} ${modules}`} shapeRendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** On screen: a whole number of CSS pixels per module, as large as fits in `sizePx`. */
export function QrCode({ matrix, sizePx, label }: { matrix: QrMatrix; sizePx: number; label: string }) {
  return <QrSvg matrix={matrix} side={qrPixelSize(matrix, sizePx)} label={label} />;
}
