import { POS_EVENTS, POS_METHODS, ipcChannel, type PosApi } from '../contract/operations';

/** The part of ipcRenderer the preload uses; tests pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** One named function per operation, one subscription per event; never the raw bus. */
export function buildPosApi(ipc: IpcRendererLike): PosApi {
  const api: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(POS_METHODS)) {
    api[name] = (input?: unknown) => ipc.invoke(ipcChannel(operation), input);
  }
  for (const [name, event] of Object.entries(POS_EVENTS)) {
    api[name] = (listener: (payload: unknown) => void) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(ipcChannel(event), handler);
      return () => {
        ipc.removeListener(ipcChannel(event), handler);
      };
    };
  }
  return Object.freeze(api) as unknown as PosApi;
}
