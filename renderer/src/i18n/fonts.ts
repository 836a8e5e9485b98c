/// <reference types="vite/client" />

// Every language's own font faces (./<code>/fonts.css, one family: 'Counter Script'), on every page that imports this.
import.meta.glob('./*/fonts.css', { eager: true });

/**
 * Chromium can leave text that it first drew while a face was still loading as empty boxes, even
 * after the face has loaded (seen with Hindi in the browser preview's screenshots). So: load every
 * shipped face at start, before its language is on screen, and whenever a face finishes loading
 * nudge a font property on the root, which makes Chromium lay all text out again with the faces it
 * now has. The nudge changes nothing visible (kerning is on by default).
 */
const FAMILY = 'Counter Script';

function reshapeText(): void {
  const root = document.documentElement.style;
  root.fontFeatureSettings = root.fontFeatureSettings ? '' : '"kern" 1';
}

/** Starts loading the shipped faces and re-lays text out whenever a face arrives; returns the clean-up. */
export function watchLanguageFonts(): () => void {
  if (typeof document === 'undefined' || !document.fonts) return () => undefined;
  const fonts = document.fonts;
  for (const face of fonts) if (face.family.replace(/["']/g, '') === FAMILY) void face.load().catch(() => undefined);
  fonts.addEventListener('loadingdone', reshapeText);
  return () => fonts.removeEventListener('loadingdone', reshapeText);
}
