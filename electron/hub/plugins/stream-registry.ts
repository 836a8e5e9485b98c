import type { StoreSignal } from '../store/sql';
import type { TerminalStream } from './terminal-stream';

/** The open streams of this process, by terminal: where the store's signals are sent. */
export class StreamRegistry {
  private readonly byTerminal = new Map<string, Set<TerminalStream>>();

  add(stream: TerminalStream): void {
    const set = this.byTerminal.get(stream.terminalId) ?? new Set();
    set.add(stream);
    this.byTerminal.set(stream.terminalId, set);
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
