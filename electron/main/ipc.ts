import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CUSTOMER_CHANNELS } from '../contract/customer';
import { ipcChannel, type EventName } from '../contract/operations';
import type { CounterServices } from '../core/services';
import { CHANNEL_ACCESS } from './channel-access';
import type { WindowRole } from './trusted-senders';

const REFUSED = { ok: false, error: { code: 'not_allowed', message: 'This window may not do that.' } } as const;

/** True when the event comes from the main frame of one of our windows whose role is in `allowed`. */
export type SenderGuard = (event: IpcMainInvokeEvent, allowed: readonly WindowRole[]) => boolean;

/**
 * Every channel of CHANNEL_ACCESS, each behind the sender guard with its own list of windows:
 * `pos:*` operations for the cashier window (the services parse the input), `customer:view` for the display.
 */
export function registerIpc(ipcMain: IpcMain, services: CounterServices, isTrusted: SenderGuard): void {
  for (const [name, { channel, callers }] of CHANNEL_ACCESS) {
    ipcMain.handle(name, async (event, raw: unknown) => {
      if (!isTrusted(event, callers)) return REFUSED;
      try {
        if (channel.kind === 'customer.view') return { ok: true, value: services.customerView() };
        return await services.handle(channel.operation, raw);
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Counter hit an unexpected problem.' } };
      }
    });
  }
}

/** Pushes pos events to the cashier window(s) and the customer view to the customer display, each only to its own. */
export function forwardEvents(services: CounterServices, windows: (role: WindowRole) => WebContents[]): () => void {
  const sendTo = (role: WindowRole, channel: string, payload: unknown) => {
    for (const contents of windows(role)) if (!contents.isDestroyed()) contents.send(channel, payload);
  };
  const offPos = services.subscribe((event: EventName, payload) => sendTo('cashier', ipcChannel(event), payload));
  const offCustomer = services.subscribeCustomer((view) => sendTo('customer', CUSTOMER_CHANNELS.changed, view));
  return () => {
    offPos();
    offCustomer();
  };
}
