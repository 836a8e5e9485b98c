import type { z as Zod } from 'zod';
import type { PosResult } from './errors';
import type { CustomerDisplayStatus } from './customer';
import type { PairingCodeAnswer, OwnerKeyAnswer, OwnerKeyListing, TerminalListing, ShopChange } from './hub';
import { amountPaise, historyExport, hubPairing, markPaid, none, pin, refundIds, saleId, settingsChanges, shopExport, day, type InputSchema, type Zod as ZodModule } from './inputs';
import type { ShopDayView, TerminalView, AppInfo, ConnectionTestView, DisplayView, ExportView, HistoryView, HubView, LatePaymentView, OwnerView, RefundAckView, SaleView, SettingsView } from './views';

/** What an operation is: its `window.pos` function, its input (built from the zod handed in), and whether only the owner may run it. */
interface Declaration {
  method: string;
  input: (z: ZodModule) => InputSchema;
  /** The owner's PIN session must be open. */
  ownerOnly?: true;
}

/** Declares an operation that answers `Result` (a type only: nothing of it exists at run time). */
const answers = <Result>() => <const D extends Declaration>(declaration: D): D & { readonly answer?: Result } => declaration;

/**
 * Every operation, declared once: its name (the IPC channel, `domain.action`), its `window.pos`
 * function, its input schema, what it answers, and whether it is the owner's. Everything else (the
 * preload, the preview's bridge, the IPC registration, the handler table's type) is derived from it.
 */
export const OPERATIONS = {
  'app.info': answers<AppInfo>()({ method: 'appInfo', input: none }),
  'sale.current': answers<SaleView | null>()({ method: 'currentSale', input: none }),
  'sale.create': answers<SaleView>()({ method: 'createSale', input: (z) => z.object({ amountPaise: amountPaise(z) }).strict() }),
  'sale.cancel': answers<SaleView>()({ method: 'cancelSale', input: (z) => z.object({ saleId: saleId(z) }).strict() }),
  'sale.markPaid': answers<SaleView>()({ method: 'markPaid', input: markPaid }),
  /** "The customer paid after all": a cancelled sale (this week, this counter) marked paid, on record as such. */
  'sale.markPaidLate': answers<SaleView>()({ method: 'markPaidLate', input: markPaid }),
  /** Sandbox only: the customer pays the QR on screen (BOS's webhook then reaches the hub). */
  'sale.simulatePayment': answers<SaleView>()({ method: 'simulatePayment', input: (z) => z.object({ saleId: saleId(z), amountPaise: amountPaise(z).optional() }).strict() }),
  'refund.requestOtp': answers<RefundAckView>()({ method: 'requestRefundOtp', input: (z) => z.object(refundIds(z)).strict() }),
  'refund.claim': answers<RefundAckView>()({
    method: 'claimRefund',
    ownerOnly: true,
    input: (z) => z.object({ ...refundIds(z), otp: z.string().trim().regex(/^\d{4,8}$/, 'The OTP is 4 to 8 digits.') }).strict(),
  }),
  'refund.sandboxOtp': answers<{ otp: string }>()({ method: 'sandboxOtp', input: (z) => z.object(refundIds(z)).strict() }),
  'history.day': answers<HistoryView>()({ method: 'dayHistory', input: (z) => z.object({ day: day(z) }).strict() }),
  'history.export': answers<ExportView>()({ method: 'exportHistory', ownerOnly: true, input: historyExport }),
  'owner.status': answers<OwnerView>()({ method: 'ownerStatus', input: none }),
  'owner.setPin': answers<OwnerView>()({ method: 'setOwnerPin', input: (z) => z.object({ pin: pin(z) }).strict() }),
  'owner.unlock': answers<OwnerView>()({ method: 'unlockOwner', input: (z) => z.object({ pin: pin(z) }).strict() }),
  'owner.lock': answers<OwnerView>()({ method: 'lockOwner', input: none }),
  'settings.testConnection': answers<ConnectionTestView>()({ method: 'testConnection', input: none }),
  'settings.displays': answers<DisplayView[]>()({ method: 'listDisplays', input: none }),
  'settings.get': answers<SettingsView>()({ method: 'getSettings', input: none }),
  'settings.update': answers<SettingsView>()({ method: 'updateSettings', ownerOnly: true, input: settingsChanges }),
  /** The owner accepts the new payee BOS's QRs now pay (shown beside the old one in Settings). */
  'settings.acceptPayee': answers<SettingsView>()({ method: 'acceptPayee', ownerOnly: true, input: (z) => z.object({ vpa: z.string().trim().min(3).max(300) }).strict() }),
  /** Opens the customer display (full screen on a second monitor when settings choose one, else a window). */
  'customer.open': answers<CustomerDisplayStatus>()({ method: 'openCustomerDisplay', input: none }),
  'hub.status': answers<HubView>()({ method: 'hubStatus', input: none }),
  /** Pairs this counter with a shop hub. */
  'hub.connect': answers<HubView>()({ method: 'connectHub', ownerOnly: true, input: hubPairing }),
  'hub.disconnect': answers<HubView>()({ method: 'disconnectHub', ownerOnly: true, input: none }),
  'payments.late': answers<LatePaymentView[]>()({ method: 'latePayments', input: none }),
  /** A late payment the shop gave back to the customer: off the list, on record. */
  'payments.settleLate': answers<LatePaymentView[]>()({ method: 'settleLatePayment', input: (z) => z.object({ saleId: saleId(z), action: z.literal('refunded') }).strict() }),
  /** The owner's Counter: the whole shop's day from the hub (all counters, or one). */
  'shop.day': answers<ShopDayView>()({ method: 'shopDay', input: (z) => z.object({ day: day(z), terminalId: z.string().min(1).max(200).optional() }).strict() }),
  /** The whole shop's sales over days (all counters, or one) as CSV or Excel, with a Counter column. */
  'shop.export': answers<ExportView>()({ method: 'exportShop', ownerOnly: true, input: shopExport }),
  /** A one-time pairing code for another counter or the owner's laptop. */
  'hub.pairingCode': answers<PairingCodeAnswer>()({
    method: 'makePairingCode',
    ownerOnly: true,
    input: (z) => z.object({ role: z.enum(['counter', 'owner']), name: z.string().trim().min(1).max(60).optional() }).strict(),
  }),
  /** A key for the read API (accounting, a spreadsheet), shown once. */
  /** A key for the read API (accounting, a spreadsheet) or cloud billing, shown once. */
  'hub.ownerKey': answers<OwnerKeyAnswer>()({
    method: 'makeOwnerKey',
    ownerOnly: true,
    input: (z) => z.object({ label: z.string().trim().min(1).max(60).optional(), kind: z.enum(['owner', 'read', 'payments']).optional() }).strict(),
  }),
  /** The shop's owner keys (label, kind, made when and by whom, last use); never a key itself. */
  'hub.ownerKeys': answers<OwnerKeyListing[]>()({ method: 'ownerKeys', input: none }),
  /** A key stops working at once. */
  'hub.revokeOwnerKey': answers<OwnerKeyListing>()({ method: 'revokeOwnerKey', ownerOnly: true, input: (z) => z.object({ keyId: z.string().min(1).max(64) }).strict() }),
  'hub.terminals': answers<TerminalView[]>()({ method: 'hubTerminals', input: none }),
  'hub.revoke': answers<TerminalListing>()({ method: 'revokeTerminal', ownerOnly: true, input: (z) => z.object({ terminalId: z.string().min(1).max(200) }).strict() }),
};

export type OperationName = keyof typeof OPERATIONS;
type Declared<Op extends OperationName> = (typeof OPERATIONS)[Op];
export type OperationInput<Op extends OperationName> = Zod.input<ReturnType<Declared<Op>['input']>>;
/** Operation → what it answers. */
export type OperationResults = { [Op in OperationName]: Declared<Op> extends { readonly answer?: infer Result } ? Result : never };
export type OperationResult<Op extends OperationName> = PosResult<OperationResults[Op]>;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

/** Operations only the owner may run: their PIN session must be open. */
export const OWNER_ONLY: ReadonlySet<OperationName> = new Set(OPERATION_NAMES.filter((op) => (OPERATIONS[op] as Declaration).ownerOnly));

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

export const POS_EVENTS = {
  onSaleChanged: 'sale.changed',
  onSettingsChanged: 'settings.changed',
  onOwnerChanged: 'owner.changed',
  onHubChanged: 'hub.changed',
  onLatePaymentsChanged: 'payments.lateChanged',
  onShopChanged: 'shop.changed',
} as const satisfies Record<string, EventName>;

type MethodOf<Op extends OperationName> = Declared<Op>['method'];

/** `window.pos` function name → operation channel. The preload and the web bridge are both built from this. */
export const POS_METHODS = Object.fromEntries(OPERATION_NAMES.map((op) => [OPERATIONS[op].method, op])) as { readonly [Op in OperationName as MethodOf<Op>]: Op };

/** The renderer's `window.pos`: one named function per operation, one subscription per event. */
export type PosApi = {
  readonly [Op in OperationName as MethodOf<Op>]: OperationInput<Op> extends undefined ? () => Promise<OperationResult<Op>> : (input: OperationInput<Op>) => Promise<OperationResult<Op>>;
} & {
  readonly [Name in keyof typeof POS_EVENTS]: (listener: (payload: EventPayloads[(typeof POS_EVENTS)[Name]]) => void) => () => void;
};

/** IPC channel names carry a prefix so nothing else on the bus can be mistaken for ours. */
export const ipcChannel = (name: OperationName | EventName): string => `pos:${name}`;
