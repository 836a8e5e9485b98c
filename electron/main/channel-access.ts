import { CUSTOMER_CHANNELS } from '../contract/customer';
import { ipcChannel, OPERATION_NAMES, type OperationName } from '../contract/operations';
import type { WindowRole } from './trusted-senders';

/** Every `pos:*` operation is the cashier window's alone; the customer display may call none of them. */
const CASHIER_ONLY: readonly WindowRole[] = Object.freeze(['cashier']);
/** The customer display reads its own view; the cashier window has no use for it and may not either. */
const CUSTOMER_ONLY: readonly WindowRole[] = Object.freeze(['customer']);

export type InvokeChannel = { kind: 'operation'; operation: OperationName } | { kind: 'customer.view' };

/** Channel → what it runs and which windows may call it. One table; registerIpc registers exactly these. */
export const CHANNEL_ACCESS: ReadonlyMap<string, { channel: InvokeChannel; callers: readonly WindowRole[] }> = new Map([
  ...OPERATION_NAMES.map(
    (operation) => [ipcChannel(operation), { channel: { kind: 'operation', operation } as InvokeChannel, callers: CASHIER_ONLY }] as const,
  ),
  [CUSTOMER_CHANNELS.view, { channel: { kind: 'customer.view' } as InvokeChannel, callers: CUSTOMER_ONLY }] as const,
]);

