import { connect } from 'node:net';

/**
 * Sends bytes as they are over a fresh TCP connection and returns everything the server sent
 * back until it closed the connection (or `waitMs` passed): for requests no HTTP client would send.
 */
export function rawRequest(port: number, bytes: string | Buffer, waitMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

/** The status code of the first HTTP answer in raw bytes, or 0 when there was none. */
export const rawStatus = (answer: string): number => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);
