import type { SettingsView } from '../../../electron/contract';

export type PaperWidth = SettingsView['paperWidth'];

export interface PaperSpec {
  /** Paper width, mm. */
  widthMm: number;
  /** What the print head reaches (thermal) or the slip's own width (A4), mm. */
  printableMm: number;
  /** Largest QR side including its quiet zone, mm. */
  qrMaxMm: number;
  /** True for roll paper: the page is as long as the slip, no margins (the printer has its own). */
  roll: boolean;
}

export const PAPER: Readonly<Record<PaperWidth, PaperSpec>> = {
  // 58 mm rolls print about 48 mm (384 dots at 203 dpi); 80 mm rolls about 72 mm (576 dots).
  '58mm': { widthMm: 58, printableMm: 48, qrMaxMm: 46, roll: true },
  '80mm': { widthMm: 80, printableMm: 72, qrMaxMm: 56, roll: true },
  // On A4 the slip is a card at the top of the sheet, to cut out or hand over whole.
  a4: { widthMm: 210, printableMm: 110, qrMaxMm: 72, roll: false },
};

/** One dot of a 203 dpi thermal head (8 dots per mm), the most common counter printer. */
const DOT_MM = 0.125;
/** Below about 0.5 mm a module is hard for phones to read off thermal paper. */
const MIN_MODULE_MM = 0.5;

/**
 * Module side in mm for a QR of `modules` per side (quiet zone included): as large as fits in
 * `maxMm`, rounded down to whole printer dots so every module prints the same width.
 */
export function moduleMm(modules: number, maxMm: number): number {
  return Math.max(MIN_MODULE_MM, Math.floor(maxMm / modules / DOT_MM) * DOT_MM);
}

const PX_PER_MM = 96 / 25.4;
/** Paper fed after the slip so the tear bar clears it. */
const FEED_MM = 8;

/** The @page rule for a slip `heightPx` CSS pixels tall: exact length on a roll, A4 with margins otherwise. */
export function pageRule(paper: PaperWidth, heightPx: number | null): string {
  const spec = PAPER[paper];
  if (!spec.roll) return '@page { size: A4 portrait; margin: 12mm; }';
  const lengthMm = heightPx === null ? 200 : Math.ceil(heightPx / PX_PER_MM + FEED_MM);
  return `@page { size: ${spec.widthMm}mm ${lengthMm}mm; margin: 0; }`;
}

export const paperOf = (settings: Pick<SettingsView, 'paperWidth'> | null): PaperWidth => settings?.paperWidth ?? '80mm';
