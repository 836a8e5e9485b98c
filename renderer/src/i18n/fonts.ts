/**
 * Hindi needs the bundled Devanagari face (styles.css: 'Counter Devanagari'). Chromium can leave
 * text that it first drew while that face was still loading as empty boxes, even after the face has
 * loaded (seen in the browser preview's screenshots). So: ask for the face at start, before any Hindi
 * is on screen, and whenever a face finishes loading nudge a font property on the root, which makes
 * Chromium lay all text out again with the faces it now has. The nudge changes nothing visible
 * (kerning is on by default).
 */
const FAMILY = '"Counter Devanagari"';

function reshapeText(): void {
  const root = document.documentElement.style;
  root.fontFeatureSettings = root.fontFeatureSettings ? '' : '"kern" 1';
}

/** Starts loading the Devanagari face and re-lays text out whenever a face arrives; returns the clean-up. */
export function watchHindiFont(): () => void {
  if (typeof document === 'undefined' || !document.fonts) return () => undefined;
  const fonts = document.fonts;
  for (const weight of ['400', '700']) void fonts.load(`${weight} 16px ${FAMILY}`, 'हिन्दी').catch(() => undefined);
  fonts.addEventListener('loadingdone', reshapeText);
  return () => fonts.removeEventListener('loadingdone', reshapeText);
}
