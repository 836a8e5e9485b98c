import { describe, expect, it, vi } from 'vitest';
import { POS_EVENTS, POS_METHODS } from '../../electron/contract/operations';
import { buildPosApi, type IpcRendererLike } from '../../electron/preload/api';

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike & { emit(channel: string, payload: unknown): void } = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })),
    on: vi.fn((channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel, listener) => listeners.get(channel)?.delete(listener)),
    emit: (channel, payload) => listeners.get(channel)?.forEach((l) => l({ sender: 'secret-event' }, payload)),
  };
  return ipc;
}

describe('preload window.pos', () => {
  it('exposes exactly one function per contract operation and event, and nothing else', () => {
    const api = buildPosApi(fakeIpc());
    expect(Object.keys(api).sort()).toEqual([...Object.keys(POS_METHODS), ...Object.keys(POS_EVENTS)].sort());
    expect(Object.keys(api)).toContain('openCustomerDisplay');
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipc/i);
  });

  it('each function invokes its own prefixed channel with the input as given', async () => {
    const ipc = fakeIpc();
    const api = buildPosApi(ipc) as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
    for (const [name, operation] of Object.entries(POS_METHODS)) {
      expect(await api[name]!({ x: 1 })).toEqual({ channel: `pos:${operation}`, input: { x: 1 } });
    }
  });

  it('listeners get the payload without the Electron event, and unsubscribe works', () => {
    const ipc = fakeIpc();
    const api = buildPosApi(ipc);
    const seen: unknown[] = [];
    const off = api.onSaleChanged((sale) => seen.push(sale));
    ipc.emit('pos:sale.changed', { saleId: 's1' });
    off();
    ipc.emit('pos:sale.changed', { saleId: 's2' });
    expect(seen).toEqual([{ saleId: 's1' }]);
  });
});
