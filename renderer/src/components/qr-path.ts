import QRCode from 'qrcode';

export const QUIET_ZONE = 4;

/** One SVG path of unit squares for an intent (error correction M), with the quiet zone in module units. */
export function qrSvgPath(intent: string): { path: string; modules: number } {
  const { size, data } = QRCode.create(intent, { errorCorrectionLevel: 'M' }).modules;
  let path = '';
  for (let y = 0; y < size; y += 1) for (let x = 0; x < size; x += 1) if (data[y * size + x]) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
  return { path, modules: size + QUIET_ZONE * 2 };
}
