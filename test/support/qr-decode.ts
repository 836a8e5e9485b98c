import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Decodes the QR in a PNG screenshot with a real decoder; returns the exact bytes as text, or null. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const result = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height, {
    inversionAttempts: 'dontInvert',
  });
  return result ? result.data : null;
}
