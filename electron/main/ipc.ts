import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcChannel, type EventName } from '../contract/operations';
import { inputSchemas, type OperationName } from '../contract/schemas';
import type { CounterServices } from '../core/services';

const REFUSED = { ok: false, error: { code: 'not_allowed', message: 'This window may not do that.' } } as const;

/** Every operation of the contract, each behind the sender guard; the services parse the input. */
export function registerIpc(ipcMain: IpcMain, services: CounterServices, isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const operation of Object.keys(inputSchemas) as OperationName[]) {
    ipcMain.handle(ipcChannel(operation), async (event, raw: unknown) => {
      if (!isTrusted(event)) return REFUSED;
      try {
        return await services.handle(operation, raw);
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Counter hit an unexpected problem.' } };
      }
    });
  }
}

export function forwardEvents(services: CounterServices, windows: () => WebContents[]): () => void {
  return services.subscribe((event: EventName, payload) => {
    for (const contents of windows()) if (!contents.isDestroyed()) contents.send(ipcChannel(event), payload);
  });
}
