import { useMemo } from 'react';
import { qrModules, qrPath, qrPixelSize, withQuietZone } from './qr-path';

export { qrModules } from './qr-path';

/** Black on white, crisp edges, quiet zone included, a whole number of CSS pixels per module (at most `sizePx`). */
export function QrCode({ intent, sizePx, label }: { intent: string; sizePx: number; label: string }) {
  const matrix = useMemo(() => qrModules(intent), [intent]);
  const path = useMemo(() => qrPath(matrix), [matrix]);
  const modules = withQuietZone(matrix);
  const px = qrPixelSize(matrix, sizePx);
  return (
    <svg className="qr" role="img" aria-label={label} width={px} height={px} viewBox={`0 0 ${modules} ${modules}`} shapeRendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
