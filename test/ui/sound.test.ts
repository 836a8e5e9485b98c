import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../electron/contract';
import { usePreviewOnDemand } from '../support/ui';

/**
 * Every play() of a media element is recorded (which file, at what volume, when) and no sound is
 * made. A string script: no bundler helpers inside the page.
 */
const RECORD_PLAY = `
  window.__plays = [];
  HTMLMediaElement.prototype.play = function () {
    window.__plays.push({ file: String(this.src).split('/').pop(), volume: this.volume, at: performance.now() });
    return Promise.resolve();
  };
`;

interface Play {
  file: string;
  volume: number;
  at: number;
}

const ui = usePreviewOnDemand();

function open(settings: Partial<Pick<SettingsView, 'soundVolume' | 'soundMuted'>>, qrTtlMs?: number): Promise<Page> {
  return ui.open({ overrides: qrTtlMs ? { sandboxOptions: { qrTtlMs } } : {}, settings, initScript: RECORD_PLAY });
}

const plays = (p: Page) => p.evaluate('window.__plays') as Promise<Play[]>;
const tones = async (p: Page) => (await plays(p)).map((play) => play.file);

async function showQr(p: Page, amount: string) {
  await p.getByLabel('Amount').fill(amount);
  await p.getByRole('button', { name: 'Show QR' }).click();
  await p.getByRole('img', { name: new RegExp(amount.replace('.', '\\.')) }).waitFor();
}

async function markPaid(p: Page) {
  await p.getByRole('button', { name: 'Paid' }).click();
  await p.getByRole('button', { name: 'Confirm paid' }).click();
  await p.getByTestId('paid-amount').waitFor();
}

/** Waits until `count` tones have been recorded (sounds follow the screen by a React effect). */
async function waitForTones(p: Page, count: number) {
  await p.waitForFunction(`window.__plays.length >= ${count}`, undefined, { timeout: 10_000 });
}

describe('Sale sounds', () => {
  it('plays the QR tone when a QR appears and the paid tone when marked paid, at the settings\' volume', async () => {
    const p = await open({ soundVolume: 40, soundMuted: false });
    expect(await plays(p)).toEqual([]);
    await showQr(p, '125');
    await waitForTones(p, 1);
    expect(await tones(p)).toEqual(['qr.wav']);
    // Waiting on the QR (and pressing Paid, the confirm step) makes no sound.
    await p.getByRole('button', { name: 'Paid' }).click();
    await p.getByRole('button', { name: 'Confirm paid' }).waitFor();
    expect(await tones(p)).toEqual(['qr.wav']);
    await p.getByRole('button', { name: 'Confirm paid' }).click();
    await p.getByTestId('paid-amount').waitFor();
    await waitForTones(p, 2);
    const recorded = await plays(p);
    expect(recorded.map((play) => play.file)).toEqual(['qr.wav', 'paid.wav']);
    for (const play of recorded) expect(play.volume).toBeCloseTo(0.4, 5);
    // Next sale is silent; the next QR beeps again.
    await p.getByRole('button', { name: 'Next sale' }).click();
    await showQr(p, '5');
    await waitForTones(p, 3);
    expect(await tones(p)).toEqual(['qr.wav', 'paid.wav', 'qr.wav']);
  });

  it('follows a volume change made while the app is open', async () => {
    const p = await open({ soundVolume: 100, soundMuted: false });
    await showQr(p, '10');
    await waitForTones(p, 1);
    const updated = await ui.running().services.handle('settings.update', { soundVolume: 15 });
    expect(updated.ok).toBe(true);
    await p.waitForTimeout(300);
    await markPaid(p);
    await waitForTones(p, 2);
    const recorded = await plays(p);
    expect(recorded.map((play) => [play.file, play.volume])).toEqual([
      ['qr.wav', 1],
      ['paid.wav', 0.15],
    ]);
  });

  it('plays the expired tone once when the QR on screen expires, and not a QR tone for a cancel', async () => {
    const p = await open({ soundVolume: 70, soundMuted: false }, 3000);
    await showQr(p, '42');
    await waitForTones(p, 1);
    const shownAt = (await plays(p))[0]!.at;
    await p.getByRole('button', { name: 'New QR' }).waitFor({ timeout: 10_000 });
    await waitForTones(p, 2);
    await p.waitForTimeout(800);
    const recorded = await plays(p);
    expect(recorded.map((play) => play.file)).toEqual(['qr.wav', 'expired.wav']);
    expect(recorded[1]!.volume).toBeCloseTo(0.7, 5);
    // At the QR's end (3 s), not before.
    expect(recorded[1]!.at - shownAt).toBeGreaterThanOrEqual(2500);
    await p.getByRole('button', { name: 'Cancel' }).click();
    await p.getByRole('button', { name: 'Yes, cancel' }).click();
    await p.getByLabel('Amount').waitFor();
    await p.waitForTimeout(300);
    expect(await tones(p)).toEqual(['qr.wav', 'expired.wav']);
  });

  it('plays nothing when muted: not for a QR, an expiry or a payment', async () => {
    const p = await open({ soundVolume: 80, soundMuted: true }, 3000);
    await showQr(p, '42');
    await p.getByRole('button', { name: 'New QR' }).waitFor({ timeout: 10_000 });
    await p.getByRole('button', { name: 'New QR' }).click();
    await p.getByRole('button', { name: 'Paid' }).waitFor();
    await markPaid(p);
    await p.waitForTimeout(500);
    expect(await plays(p)).toEqual([]);
  });

  it('plays nothing at volume 0', async () => {
    const p = await open({ soundVolume: 0, soundMuted: false });
    await showQr(p, '42');
    await markPaid(p);
    await p.waitForTimeout(500);
    expect(await plays(p)).toEqual([]);
  });

  it('ships the three tones with the app as short WAV files the page may load', async () => {
    const p = await open({ soundVolume: 50, soundMuted: false });
    for (const name of ['qr', 'paid', 'expired']) {
      const response = await p.request.get(new URL(`sounds/${name}.wav`, ui.running().preview.url).href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^audio\/(wav|x-wav|wave)/);
      const body = await response.body();
      expect(body.subarray(0, 4).toString('ascii')).toBe('RIFF');
      expect(body.subarray(8, 12).toString('ascii')).toBe('WAVE');
      // 22.05 kHz 16-bit mono: bytes per second 44 100; each tone under half a second.
      const seconds = (body.length - 44) / 44_100;
      expect(seconds).toBeGreaterThan(0.2);
      expect(seconds).toBeLessThan(0.5);
    }
    // The page itself can load and decode one (CSP media-src 'self').
    const duration = await p.evaluate(`new Promise((resolve, reject) => {
      const audio = new Audio('sounds/paid.wav');
      audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
      audio.addEventListener('error', () => reject(new Error('could not load')));
    })`);
    expect(duration).toBeGreaterThan(0.2);
  });

  it('Settings plays the three tones at the volume on the form, before it is saved', async () => {
    const p = await open({ soundVolume: 50, soundMuted: false });
    await p.keyboard.press('F9');
    const volume = p.getByLabel(/^Volume/);
    await volume.waitFor();
    await volume.fill('20');
    await p.getByRole('button', { name: 'Play the three sounds' }).click();
    await expect.poll(() => tones(p), { timeout: 5000 }).toEqual(['qr.wav', 'paid.wav', 'expired.wav']);
    expect((await plays(p)).map((play) => play.volume)).toEqual([0.2, 0.2, 0.2]);
    await p.getByLabel('Mute all sounds').check();
    await expect(p.getByRole('button', { name: 'Play the three sounds' }).isDisabled()).resolves.toBe(true);
  });
});
