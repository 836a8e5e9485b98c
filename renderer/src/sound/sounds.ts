import type { SettingsView } from '../../../electron/contract';

export type SaleSound = 'qr' | 'paid' | 'expired';

/**
 * Shipped with the app in renderer/public/sounds/ (made by scripts/make-sounds.ts). Resolved
 * against the page, so the same path works from the preview's http://127.0.0.1 and from the
 * packaged app's file:// index.html (Vite builds with base './'); both are 'self' for the CSP.
 */
const FILES: Readonly<Record<SaleSound, string>> = {
  qr: 'sounds/qr.wav',
  paid: 'sounds/paid.wav',
  expired: 'sounds/expired.wav',
};

export function soundUrl(sound: SaleSound): string {
  return new URL(FILES[sound], document.baseURI).href;
}

const players = new Map<SaleSound, HTMLAudioElement>();

function player(sound: SaleSound): HTMLAudioElement {
  let audio = players.get(sound);
  if (!audio) {
    audio = new Audio(soundUrl(sound));
    audio.preload = 'auto';
    players.set(sound, audio);
  }
  return audio;
}

/** Loads the three sounds ahead of their first use, so the first QR's tone is not late. */
export function preloadSounds(): void {
  for (const sound of Object.keys(FILES) as SaleSound[]) player(sound);
}

/** 0–100 from settings to the element's 0–1. */
export const volumeOf = (settings: Pick<SettingsView, 'soundVolume'>): number => Math.min(1, Math.max(0, settings.soundVolume / 100));

/** Plays one sound at the owner's volume; nothing when muted or at 0. A sound that cannot play (no audio device, autoplay refused) is simply not heard. */
export function playSound(sound: SaleSound, settings: Pick<SettingsView, 'soundVolume' | 'soundMuted'>): void {
  const volume = volumeOf(settings);
  if (settings.soundMuted || volume === 0) return;
  const audio = player(sound);
  audio.volume = volume;
  try {
    audio.currentTime = 0;
  } catch {
    // Not seekable yet (still loading): it starts from the beginning anyway.
  }
  void audio.play().catch(() => undefined);
}
