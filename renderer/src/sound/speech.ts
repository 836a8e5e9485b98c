import type { SettingsView } from '../../../electron/contract';
import { localeOf, type Language } from '../../../electron/contract/languages';
import { volumeOf } from './sounds';

/** The OS voice for the language in use, by the language's tag (en-IN, hi-IN), or null when the OS has none: then nothing is spoken. */
export function voiceFor(language: Language, voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const wanted = localeOf(language).toLowerCase();
  return voices.find((voice) => voice.lang.replace('_', '-').toLowerCase() === wanted) ?? null;
}

const synth = (): SpeechSynthesis | null => ('speechSynthesis' in window ? window.speechSynthesis : null);

/** Asks the OS for its voices early: Chromium lists them only after a first call. */
export function warmUpVoices(): void {
  try {
    synth()?.getVoices();
  } catch {
    // No speech on this PC: nothing is spoken later either.
  }
}

/**
 * Says `text` in the language in use at the owner's volume; silent when muted, at 0, or when the
 * OS has no voice for that language (a voice for another language would mangle the words).
 */
export function speak(text: string, settings: Pick<SettingsView, 'language' | 'soundVolume' | 'soundMuted'>): void {
  const volume = volumeOf(settings);
  const speech = synth();
  if (settings.soundMuted || volume === 0 || !speech || typeof SpeechSynthesisUtterance === 'undefined') return;
  try {
    const voice = voiceFor(settings.language, speech.getVoices());
    if (!voice) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.volume = volume;
    speech.speak(utterance);
  } catch {
    // Speech is a courtesy: the green screen and the tone already said it.
  }
}

/** "₹250" for whole rupees, "₹250.50" otherwise: what a person would say, from the formatted amount. */
export const spokenAmount = (formatted: string): string => formatted.replace(/\.00$/, '');
