import QRCode from 'qrcode';

/** Blank modules around the symbol that scanners need (the QR standard's minimum). */
export const QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Row-major, true for a dark module. */
  dark: readonly boolean[];
}

/** The module matrix for an intent at error correction M. The intent is encoded exactly as given. */
export function qrModules(intent: string): QrMatrix {
  const { size, data } = QRCode.create(intent, { errorCorrectionLevel: 'M' }).modules;
  return { size, dark: Array.from(data, (bit) => bit === 1) };
}

/** Modules per side including the quiet zone on both sides. */
export const withQuietZone = (matrix: QrMatrix): number => matrix.size + QUIET_ZONE * 2;

/** Side in CSS pixels: a whole number of pixels per module, as large as fits in `sizePx` (at least 1). */
export function qrPixelSize(matrix: QrMatrix, sizePx: number): number {
  const modules = withQuietZone(matrix);
  return Math.max(1, Math.floor(sizePx / modules)) * modules;
}

/** One path of the dark modules' unit squares, offset by the quiet zone; squares side by side in a row share one rectangle. */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let y = 0; y < matrix.size; y += 1) {
    let x = 0;
    while (x < matrix.size) {
      if (!matrix.dark[y * matrix.size + x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < matrix.size && matrix.dark[y * matrix.size + x]) x += 1;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  }
  return parts.join('');
}

/** The SVG path and viewBox side (in modules) for an intent; what the screen draws. */
export function qrSvgPath(intent: string): { path: string; modules: number } {
  const matrix = qrModules(intent);
  return { path: qrPath(matrix), modules: withQuietZone(matrix) };
}
