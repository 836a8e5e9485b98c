// A child process of the bench that holds many of the hub's payment streams open (one process may hold only
// so many sockets: the machine's open-file limit), and times webhook → payment on its streams when asked.
// Driven over IPC by hub-streams.ts. Raw sockets: 10,000 streams cost this process little.
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export type HolderCommand =
  | { kind: 'open'; url: string; credentials: string[]; concurrency: number; withinMs: number }
  | { kind: 'sample'; webhookUrl: string; samples: Array<{ stream: number; paymentId: string; body: string }>; everyMs: number; withinMs: number }
  | { kind: 'close' };

export type HolderReport =
  | { kind: 'ready' }
  | { kind: 'opened'; open: number; failed: number; notTried: number; firstError: string | null; seconds: number }
  | { kind: 'sampled'; fromSend: number[]; fromAnswer: number[]; missed: number; notOk: number; notSent: number; stillOpen: number };

/** How long a payment may take to reach its stream before it counts as missed (and as this long). */
export const ARRIVAL_TIMEOUT_MS = 5_000;

const sockets: Socket[] = [];
let closed = 0;
const waiting = new Map<number, { paymentId: string; arrived: (at: number) => void }>();
const send = (report: HolderReport) => process.send?.(report);

/** One stream: resolves with null once the hub answered 200, or with what went wrong. */
function openOne(url: URL, credential: string, index: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let answered = false;
    const settle = (problem: string | null) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      resolve(problem);
    };
    // A hub that never answers must not hold the bench: the stream counts as refused.
    const timer = setTimeout(() => settle('no answer in 30 s'), 30_000);
    socket.setNoDelay(true);
    socket.once('connect', () => socket.write(`GET /v1/stream HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${credential}\r\nAccept: text/event-stream\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => {
      if (!answered) settle(chunk.subarray(0, 12).toString('latin1') === 'HTTP/1.1 200' ? null : chunk.subarray(0, 40).toString('latin1'));
      const wanted = waiting.get(index);
      if (wanted && chunk.includes(wanted.paymentId)) {
        waiting.delete(index);
        wanted.arrived(performance.now());
      }
    });
    socket.on('error', (error) => settle(error.message));
    socket.once('close', () => {
      closed += 1;
      settle('closed before an answer');
    });
    sockets[index] = socket;
  });
}

async function open(command: Extract<HolderCommand, { kind: 'open' }>): Promise<void> {
  const url = new URL(command.url);
  const start = performance.now();
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const deadline = start + command.withinMs;
  const worker = async () => {
    while (next < command.credentials.length && performance.now() < deadline) {
      const index = next++;
      const problem = await openOne(url, command.credentials[index]!, index);
      if (problem !== null) {
        failed += 1;
        firstError ??= problem;
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, worker));
  send({ kind: 'opened', open: next - failed, failed, notTried: command.credentials.length - next, firstError, seconds: (performance.now() - start) / 1_000 });
}

async function sample(command: Extract<HolderCommand, { kind: 'sample' }>): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const fromSend: number[] = [];
  const fromAnswer: number[] = [];
  let missed = 0;
  let notOk = 0;
  let sent = 0;
  const deadline = performance.now() + command.withinMs;
  for (const s of command.samples) {
    if (performance.now() >= deadline) break;
    sent += 1;
    const began = performance.now();
    const arrival = new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(s.stream);
        resolve(null);
      }, ARRIVAL_TIMEOUT_MS);
      waiting.set(s.stream, { paymentId: s.paymentId, arrived: (at) => (clearTimeout(timer), resolve(at)) });
    });
    const posted = performance.now();
    const status = await new Promise<number>((resolve) => {
      const req = request(command.webhookUrl, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(s.body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end(s.body);
    });
    const answered = performance.now();
    if (status !== 200) notOk += 1;
    const at = await arrival;
    if (at === null) missed += 1;
    else {
      fromSend.push(at - posted);
      // The stream may hear of it before the 200 is back: that is 0 ms after the answer.
      fromAnswer.push(Math.max(0, at - answered));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, command.everyMs - (performance.now() - began))));
  }
  agent.destroy();
  send({ kind: 'sampled', fromSend, fromAnswer, missed, notOk, notSent: command.samples.length - sent, stillOpen: sockets.length - closed });
}

process.on('message', (command: HolderCommand) => {
  if (command.kind === 'open') void open(command);
  else if (command.kind === 'sample') void sample(command);
  else {
    for (const socket of sockets) socket?.destroy();
    process.exit(0);
  }
});
send({ kind: 'ready' });
