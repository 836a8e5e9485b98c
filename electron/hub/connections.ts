import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyServerOptions } from 'fastify';
import { addressKey } from './rate-limit';

/** Time limits that close a silent socket, and how many sockets one address may hold. */
export interface ConnectionLimits {
  /** The whole request line and headers must arrive within this (Node's headersTimeout), and a socket's first byte (ours: Node leaves a socket that never speaks open). */
  headersMs: number;
  /** The whole request, body included (Node's requestTimeout). Streams are responses: this does not end them. */
  requestMs: number;
  /** An idle kept-alive socket is closed after this. */
  keepAliveMs: number;
  /** How often Node checks the two above. */
  checkEveryMs: number;
  /** Open sockets from one address (IPv6: one /64): a big shop's counters behind one NAT each hold a stream. */
  perAddress: number;
  /** Open sockets in all, below the process's file limit: past it the oldest idle one goes, whoever holds it. */
  total: number;
  /** Peers on this machine (the reverse proxy, the operator's tools) are not capped per address. */
  exemptLoopback: boolean;
}

/** Four fifths of the soft limit on open files (Linux says it in /proc/self/limits), the rest left for the database and logs. */
function socketsWithinFileLimit(): number {
  try {
    const soft = Number(/^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1]);
    if (Number.isFinite(soft) && soft > 0) return Math.max(200, Math.min(16_000, Math.floor(soft * 0.8)));
  } catch {
    // Not Linux: the common default limit.
  }
  return 800;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
  perAddress: 256,
  total: socketsWithinFileLimit(),
  exemptLoopback: true,
};

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The time limits as Fastify's options (it hands `http` to Node's createServer, where the checking interval must be set). */
export function serverTimeouts(limits: ConnectionLimits): Pick<FastifyServerOptions, 'requestTimeout' | 'keepAliveTimeout'> & { http: ServerOptions } {
  return {
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    http: { headersTimeout: limits.headersMs, connectionsCheckingInterval: limits.checkEveryMs },
  };
}

interface Tracked {
  socket: Socket;
  address: string;
  /** Requests being answered on it now (a stream holds one open). */
  busy: number;
  /** Until its first request: closes it if that never comes. */
  silence: NodeJS.Timeout | null;
}

/**
 * Watches every socket of the hub's server. A new socket over an address's share (or over the total)
 * closes that address's (or anyone's) oldest socket that is not answering a request: a socket that
 * never spoke, is still dribbling its headers, or sits idle between requests. So a flood of silent
 * sockets is pushed out by the next real request instead of keeping it out, and BOS's webhook always
 * gets in; only when every socket of the address is busy answering is the new one refused. Exempt
 * addresses (the operator's reverse proxy, which carries everyone's requests, and BOS's listed ones)
 * are never capped per address.
 */
export class ConnectionGuard {
  private readonly open = new Map<Socket, Tracked>();
  private readonly byAddress = new Map<string, Set<Tracked>>();

  constructor(
    private readonly limits: ConnectionLimits,
    private readonly exempt: (ip: string) => boolean,
  ) {}

  attach(server: Server): void {
    server.on('connection', (socket: Socket) => this.admit(socket));
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const tracked = this.open.get(request.socket);
      if (!tracked) return;
      if (tracked.silence) clearTimeout(tracked.silence);
      tracked.silence = null;
      tracked.busy += 1;
      response.once('close', () => (tracked.busy -= 1));
    });
  }

  private admit(socket: Socket): void {
    const ip = socket.remoteAddress ?? '';
    const address = addressKey(ip);
    const mine = this.byAddress.get(address) ?? new Set<Tracked>();
    const capped = !this.exempt(ip) && !(this.limits.exemptLoopback && LOOPBACK.test(ip));
    if (capped && mine.size >= this.limits.perAddress && !this.evictIdle(mine)) {
      socket.destroy();
      return;
    }
    if (this.open.size >= this.limits.total && !this.evictIdle(this.open.values())) {
      socket.destroy();
      return;
    }
    const tracked: Tracked = { socket, address, busy: 0, silence: null };
    // Until its first request's headers are in. Node times out a dribbled header (408) but leaves a socket that never speaks open.
    tracked.silence = setTimeout(() => socket.destroy(), this.limits.headersMs);
    tracked.silence.unref();
    this.open.set(socket, tracked);
    mine.add(tracked);
    this.byAddress.set(address, mine);
    socket.once('close', () => {
      if (tracked.silence) clearTimeout(tracked.silence);
      this.open.delete(socket);
      mine.delete(tracked);
      if (mine.size === 0 && this.byAddress.get(address) === mine) this.byAddress.delete(address);
    });
  }

  /** Closes the oldest socket of `among` that answers no request; false when every one is busy. */
  private evictIdle(among: Iterable<Tracked>): boolean {
    for (const tracked of among) {
      if (tracked.busy > 0) continue;
      this.forget(tracked);
      tracked.socket.destroy();
      return true;
    }
    return false;
  }

  private forget(tracked: Tracked): void {
    this.open.delete(tracked.socket);
    const set = this.byAddress.get(tracked.address);
    set?.delete(tracked);
    if (set?.size === 0) this.byAddress.delete(tracked.address);
  }
}
