import type { PosResult } from './errors';
import type { OperationInput, OperationName } from './schemas';
import type { CustomerDisplayStatus } from './customer';
import type { PairingCodeAnswer, OwnerKeyAnswer, OwnerKeyListing, TerminalListing, ShopChange } from './hub';
import type { ShopDayView, TerminalView, AppInfo, ConnectionTestView, DisplayView, ExportView, HistoryView, HubView, LatePaymentView, OwnerView, RefundAckView, SaleView, SettingsView } from './views';

/** Channel name → result type. One map; everything else is derived from it and `inputSchemas`. */
export interface OperationResults {
  'app.info': AppInfo;
  'sale.current': SaleView | null;
  'sale.create': SaleView;
  'sale.cancel': SaleView;
  'sale.markPaid': SaleView;
  'sale.markPaidLate': SaleView;
  'refund.requestOtp': RefundAckView;
  'refund.claim': RefundAckView;
  'refund.sandboxOtp': { otp: string };
  'history.day': HistoryView;
  'history.export': ExportView;
  'owner.status': OwnerView;
  'owner.setPin': OwnerView;
  'owner.unlock': OwnerView;
  'owner.lock': OwnerView;
  'settings.testConnection': ConnectionTestView;
  'settings.displays': DisplayView[];
  'settings.get': SettingsView;
  'settings.update': SettingsView;
  'settings.acceptPayee': SettingsView;
  'customer.open': CustomerDisplayStatus;
  'hub.status': HubView;
  'hub.connect': HubView;
  'hub.disconnect': HubView;
  'payments.late': LatePaymentView[];
  'payments.settleLate': LatePaymentView[];
  'sale.simulatePayment': SaleView;
  'shop.day': ShopDayView;
  'shop.export': ExportView;
  'hub.pairingCode': PairingCodeAnswer;
  'hub.ownerKey': OwnerKeyAnswer;
  'hub.ownerKeys': OwnerKeyListing[];
  'hub.revokeOwnerKey': OwnerKeyListing;
  'hub.terminals': TerminalView[];
  'hub.revoke': TerminalListing;
}

export type OperationResult<Op extends OperationName> = PosResult<OperationResults[Op]>;

export type OperationHandler<Op extends OperationName> = (input: OperationInput<Op>) => Promise<OperationResult<Op>>;

/** Events main pushes to windows. */
export interface EventPayloads {
  'sale.changed': SaleView | null;
  'settings.changed': SettingsView;
  'owner.changed': OwnerView;
  'hub.changed': HubView;
  /** The open late payments (paid after the sale was cancelled or had expired), each time the list changes. */
  'payments.lateChanged': LatePaymentView[];
  /** The owner's Counter: a counter of the shop sent journal lines for these days (re-read them). */
  'shop.changed': ShopChange;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: readonly EventName[] = ['sale.changed', 'settings.changed', 'owner.changed', 'hub.changed', 'payments.lateChanged', 'shop.changed'];

/** The renderer's `window.pos`: one named function per operation, one subscription per event. */
export interface PosApi {
  appInfo(): Promise<OperationResult<'app.info'>>;
  currentSale(): Promise<OperationResult<'sale.current'>>;
  createSale(input: OperationInput<'sale.create'>): Promise<OperationResult<'sale.create'>>;
  cancelSale(input: OperationInput<'sale.cancel'>): Promise<OperationResult<'sale.cancel'>>;
  markPaid(input: OperationInput<'sale.markPaid'>): Promise<OperationResult<'sale.markPaid'>>;
  /** "The customer paid after all": a cancelled sale (this week, this counter) marked paid, on record as such. */
  markPaidLate(input: OperationInput<'sale.markPaidLate'>): Promise<OperationResult<'sale.markPaidLate'>>;
  requestRefundOtp(input: OperationInput<'refund.requestOtp'>): Promise<OperationResult<'refund.requestOtp'>>;
  claimRefund(input: OperationInput<'refund.claim'>): Promise<OperationResult<'refund.claim'>>;
  sandboxOtp(input: OperationInput<'refund.sandboxOtp'>): Promise<OperationResult<'refund.sandboxOtp'>>;
  dayHistory(input: OperationInput<'history.day'>): Promise<OperationResult<'history.day'>>;
  exportHistory(input: OperationInput<'history.export'>): Promise<OperationResult<'history.export'>>;
  ownerStatus(): Promise<OperationResult<'owner.status'>>;
  setOwnerPin(input: OperationInput<'owner.setPin'>): Promise<OperationResult<'owner.setPin'>>;
  unlockOwner(input: OperationInput<'owner.unlock'>): Promise<OperationResult<'owner.unlock'>>;
  lockOwner(): Promise<OperationResult<'owner.lock'>>;
  testConnection(): Promise<OperationResult<'settings.testConnection'>>;
  listDisplays(): Promise<OperationResult<'settings.displays'>>;
  getSettings(): Promise<OperationResult<'settings.get'>>;
  updateSettings(input: OperationInput<'settings.update'>): Promise<OperationResult<'settings.update'>>;
  /** The owner accepts the new payee BOS's QRs now pay (shown beside the old one in Settings). */
  acceptPayee(input: OperationInput<'settings.acceptPayee'>): Promise<OperationResult<'settings.acceptPayee'>>;
  /** Opens the customer display (full screen on a second monitor when settings choose one, else a window). */
  openCustomerDisplay(): Promise<OperationResult<'customer.open'>>;
  onSaleChanged(listener: (sale: EventPayloads['sale.changed']) => void): () => void;
  onSettingsChanged(listener: (settings: EventPayloads['settings.changed']) => void): () => void;
  onOwnerChanged(listener: (owner: EventPayloads['owner.changed']) => void): () => void;
  hubStatus(): Promise<OperationResult<'hub.status'>>;
  /** Pairs this counter with a shop hub (owner only). */
  connectHub(input: OperationInput<'hub.connect'>): Promise<OperationResult<'hub.connect'>>;
  disconnectHub(): Promise<OperationResult<'hub.disconnect'>>;
  latePayments(): Promise<OperationResult<'payments.late'>>;
  /** A late payment the shop gave back to the customer: off the list, on record. */
  settleLatePayment(input: OperationInput<'payments.settleLate'>): Promise<OperationResult<'payments.settleLate'>>;
  /** Sandbox only: the customer pays the QR on screen (BOS's webhook then reaches the hub). */
  simulatePayment(input: OperationInput<'sale.simulatePayment'>): Promise<OperationResult<'sale.simulatePayment'>>;
  onHubChanged(listener: (hub: EventPayloads['hub.changed']) => void): () => void;
  onLatePaymentsChanged(listener: (late: EventPayloads['payments.lateChanged']) => void): () => void;
  /** The owner's Counter: the whole shop's day from the hub (all counters, or one). */
  shopDay(input: OperationInput<'shop.day'>): Promise<OperationResult<'shop.day'>>;
  /** Owner: the whole shop's sales over days (all counters, or one) as CSV or Excel, with a Counter column. */
  exportShop(input: OperationInput<'shop.export'>): Promise<OperationResult<'shop.export'>>;
  /** Owner: a one-time pairing code for another counter or the owner's laptop. */
  makePairingCode(input: OperationInput<'hub.pairingCode'>): Promise<OperationResult<'hub.pairingCode'>>;
  /** Owner: a key for the read API (accounting, a spreadsheet) or cloud billing, shown once. */
  makeOwnerKey(input: OperationInput<'hub.ownerKey'>): Promise<OperationResult<'hub.ownerKey'>>;
  /** The owner's Counter: the shop's owner keys (label, kind, made when and by whom, last use); never a key itself. */
  ownerKeys(): Promise<OperationResult<'hub.ownerKeys'>>;
  /** Owner: a key stops working at once. */
  revokeOwnerKey(input: OperationInput<'hub.revokeOwnerKey'>): Promise<OperationResult<'hub.revokeOwnerKey'>>;
  hubTerminals(): Promise<OperationResult<'hub.terminals'>>;
  revokeTerminal(input: OperationInput<'hub.revoke'>): Promise<OperationResult<'hub.revoke'>>;
  onShopChanged(listener: (change: EventPayloads['shop.changed']) => void): () => void;
}

/** `window.pos` function name → operation channel. The preload and the web bridge are both built from this. */
export const POS_METHODS = {
  appInfo: 'app.info',
  currentSale: 'sale.current',
  createSale: 'sale.create',
  cancelSale: 'sale.cancel',
  markPaid: 'sale.markPaid',
  markPaidLate: 'sale.markPaidLate',
  requestRefundOtp: 'refund.requestOtp',
  claimRefund: 'refund.claim',
  sandboxOtp: 'refund.sandboxOtp',
  dayHistory: 'history.day',
  exportHistory: 'history.export',
  ownerStatus: 'owner.status',
  setOwnerPin: 'owner.setPin',
  unlockOwner: 'owner.unlock',
  lockOwner: 'owner.lock',
  testConnection: 'settings.testConnection',
  listDisplays: 'settings.displays',
  getSettings: 'settings.get',
  updateSettings: 'settings.update',
  acceptPayee: 'settings.acceptPayee',
  openCustomerDisplay: 'customer.open',
  hubStatus: 'hub.status',
  connectHub: 'hub.connect',
  disconnectHub: 'hub.disconnect',
  latePayments: 'payments.late',
  settleLatePayment: 'payments.settleLate',
  simulatePayment: 'sale.simulatePayment',
  shopDay: 'shop.day',
  exportShop: 'shop.export',
  makePairingCode: 'hub.pairingCode',
  makeOwnerKey: 'hub.ownerKey',
  ownerKeys: 'hub.ownerKeys',
  revokeOwnerKey: 'hub.revokeOwnerKey',
  hubTerminals: 'hub.terminals',
  revokeTerminal: 'hub.revoke',
} as const satisfies Record<string, OperationName>;

export const POS_EVENTS = {
  onSaleChanged: 'sale.changed',
  onSettingsChanged: 'settings.changed',
  onOwnerChanged: 'owner.changed',
  onHubChanged: 'hub.changed',
  onLatePaymentsChanged: 'payments.lateChanged',
  onShopChanged: 'shop.changed',
} as const satisfies Record<string, EventName>;

/** IPC channel names carry a prefix so nothing else on the bus can be mistaken for ours. */
export const ipcChannel = (name: OperationName | EventName): string => `pos:${name}`;
