// Makes the Sell screen's three short sounds: npx tsx scripts/make-sounds.ts
// 16-bit mono PCM WAV at 22.05 kHz, each under half a second, into renderer/public/sounds/
// (Vite's public dir for the renderer root, copied as is to out/renderer/sounds/).
// Pure synthesis, no randomness: running it again writes the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RATE = 22_050;
const PEAK = 0.7;
const OUT_DIR = join(process.cwd(), 'renderer', 'public', 'sounds');

interface Note {
  /** Start, seconds from the beginning. */
  at: number;
  /** Length, seconds (the note decays to silence by its end). */
  length: number;
  /** Frequency at the start and at the end (a glide when they differ), Hz. */
  from: number;
  to?: number;
  gain?: number;
}

/** A soft bell-like tone: a sine with a little second and third harmonic, 6 ms attack, exponential decay, a short fade at the end so nothing clicks. */
function render(notes: readonly Note[], seconds: number): Float64Array {
  const samples = new Float64Array(Math.round(seconds * RATE));
  for (const note of notes) {
    const start = Math.round(note.at * RATE);
    const count = Math.min(Math.round(note.length * RATE), samples.length - start);
    const to = note.to ?? note.from;
    const gain = note.gain ?? 1;
    let phase = 0;
    for (let i = 0; i < count; i += 1) {
      const t = i / RATE;
      const progress = i / count;
      const frequency = note.from * Math.pow(to / note.from, progress);
      phase += (2 * Math.PI * frequency) / RATE;
      const attack = Math.min(1, t / 0.006);
      const decay = Math.exp((-3.2 * t) / note.length);
      const fade = Math.min(1, (count - i) / (0.012 * RATE));
      const tone = Math.sin(phase) + 0.18 * Math.sin(2 * phase) + 0.06 * Math.sin(3 * phase);
      samples[start + i]! += gain * attack * decay * fade * tone;
    }
  }
  let max = 0;
  for (const value of samples) max = Math.max(max, Math.abs(value));
  const scale = max > 0 ? PEAK / max : 0;
  return samples.map((value) => value * scale);
}

function wav(samples: Float64Array): Buffer {
  const data = samples.length * 2;
  const buffer = Buffer.alloc(44 + data);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + data, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16); // fmt chunk size
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(RATE, 24);
  buffer.writeUInt32LE(RATE * 2, 28); // bytes per second
  buffer.writeUInt16LE(2, 32); // block align
  buffer.writeUInt16LE(16, 34); // bits per sample
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(data, 40);
  samples.forEach((value, index) => buffer.writeInt16LE(Math.round(Math.max(-1, Math.min(1, value)) * 32_767), 44 + index * 2));
  return buffer;
}

const SOUNDS: Record<string, { seconds: number; notes: Note[] }> = {
  // A QR is up: a rising fourth, E5 then A5.
  qr: {
    seconds: 0.32,
    notes: [
      { at: 0, length: 0.14, from: 659.25 },
      { at: 0.11, length: 0.21, from: 880 },
    ],
  },
  // Paid: a bright C major arpeggio, C6 E6 G6, ringing together at the end.
  paid: {
    seconds: 0.42,
    notes: [
      { at: 0, length: 0.42, from: 1046.5, gain: 0.8 },
      { at: 0.07, length: 0.35, from: 1318.51, gain: 0.75 },
      { at: 0.14, length: 0.28, from: 1567.98, gain: 0.7 },
    ],
  },
  // Expired: low and falling, G4 gliding down to D4, then a lower B3.
  expired: {
    seconds: 0.4,
    notes: [
      { at: 0, length: 0.2, from: 392, to: 293.66 },
      { at: 0.16, length: 0.24, from: 246.94, to: 220 },
    ],
  },
};

mkdirSync(OUT_DIR, { recursive: true });
for (const [name, sound] of Object.entries(SOUNDS)) {
  const file = join(OUT_DIR, `${name}.wav`);
  const bytes = wav(render(sound.notes, sound.seconds));
  writeFileSync(file, bytes);
  console.log(`${file}: ${bytes.length} bytes, ${sound.seconds} s`);
}
