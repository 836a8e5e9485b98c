import type { StoreSignal } from '../store/sql';
import type { TerminalStream } from './terminal-stream';

/** The most streams one credential holds open in one process; a counter needs one. */
export const MAX_STREAMS_PER_CREDENTIAL = 4;

/**
 * Adds `stream` to its credential's set; past the cap the oldest is ended (it resumes from its cursor
 * if its reader is still there). The oldest, not the newest: a counter whose network dropped leaves
 * streams the hub cannot yet tell are dead, and refusing its new one would shut it out until they
 * time out; and a thief holding a stolen credential's streams cannot keep the real counter off.
 */
export function addCapped<S extends { end(): void }>(set: Set<S>, stream: S, cap = MAX_STREAMS_PER_CREDENTIAL): void {
  set.add(stream);
  for (const oldest of [...set].slice(0, Math.max(0, set.size - cap))) oldest.end();
}

/** The open streams of this process, by terminal: where the store's signals are sent. */
export class StreamRegistry {
  private readonly byTerminal = new Map<string, Set<TerminalStream>>();

  add(stream: TerminalStream): void {
    const set = this.byTerminal.get(stream.terminalId) ?? new Set();
    this.byTerminal.set(stream.terminalId, set);
    addCapped(set, stream);
  }

  remove(stream: TerminalStream): void {
    const set = this.byTerminal.get(stream.terminalId);
    set?.delete(stream);
    if (set?.size === 0) this.byTerminal.delete(stream.terminalId);
  }

  signal(signal: StoreSignal): void {
    if (signal.kind === 'resync') {
      for (const set of this.byTerminal.values()) for (const stream of set) stream.wake();
      return;
    }
    if (signal.kind === 'shop') return;
    for (const stream of [...(this.byTerminal.get(signal.terminalId) ?? [])]) {
      if (signal.kind === 'revoked') stream.end();
      else stream.wake();
    }
  }

  count(): number {
    let n = 0;
    for (const set of this.byTerminal.values()) n += set.size;
    return n;
  }

  endAll(): void {
    for (const set of [...this.byTerminal.values()]) for (const stream of [...set]) stream.end();
  }
}
