import { CUSTOMER_CHANNELS, type CustomerApi, type CustomerView } from '../contract/customer';
import type { PosResult } from '../contract/errors';
import type { IpcRendererLike } from './api';

/** The customer display's whole power: read its view, follow its changes. Never the raw bus, never a pos channel. */
export function buildCustomerApi(ipc: IpcRendererLike): CustomerApi {
  return Object.freeze({
    view: () => ipc.invoke(CUSTOMER_CHANNELS.view) as Promise<PosResult<CustomerView>>,
    onChange(listener: (view: CustomerView) => void) {
      const handler = (_event: unknown, view: unknown) => listener(view as CustomerView);
      ipc.on(CUSTOMER_CHANNELS.changed, handler);
      return () => {
        ipc.removeListener(CUSTOMER_CHANNELS.changed, handler);
      };
    },
  });
}
