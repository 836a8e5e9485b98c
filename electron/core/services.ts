import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PosResult } from '../contract/errors';
import type { CustomerView } from '../contract/customer';
import type { HubView, SaleView } from '../contract/views';
import { inputSchemas, type OperationName } from '../contract/schemas';
import { err } from '../contract/result';
import { BosLink, type SandboxLink } from './bos-link';
import { EventHub, type EventListener } from './events';
import { SettingsHolder, type CounterContext } from './handlers/context';
import { CustomerFeed, customerHandlers, type CustomerDeps } from './handlers/customer';
import { historyHandlers, type HistoryDeps } from './handlers/history';
import { createHubRuntime, type HubDeps, type HubRuntime } from './handlers/shop-link';
import { paymentHandlers } from './handlers/payments';
import { shopHandlers } from './handlers/shop';
import { OwnerSession, ownerHandlers } from './handlers/owner';
import { refundHandlers } from './handlers/refund';
import { saleHandlers } from './handlers/sale';
import { settingsHandlers, type SettingsDeps } from './handlers/settings';
import type { Handlers } from './handlers/types';
import { createFileJournal } from './journal/append';
import { foldSales } from './journal/fold';
import { readRecent } from './journal/recent';
import type { Journal, JournalEvent } from './journal/types';
import { OwnerLock } from './owner';
import { PayeePins } from './payee';
import { RefundDesk } from './refund';
import { SaleDesk } from './sale';
import { StatusWatch } from './status-watch';
import { qrTr } from './sale-record';
import { readSettings, type SecretBox, type SettingsStore } from './settings';

export type { SandboxLink } from './bos-link';

export interface CounterServicesDeps<S extends SandboxLink = SandboxLink> extends SettingsDeps, HistoryDeps, CustomerDeps, HubDeps {
  settingsStore: SettingsStore;
  secretBox: SecretBox;
  dataDir: string;
  /** Starts the embedded BOS sandbox when the environment is Sandbox (the shells hand in electron/sandbox). */
  startSandbox: () => Promise<S>;
  fetch?: typeof fetch;
  now?: () => number;
  /** Browser preview only: run Live against this URL (may be http on loopback, for stub servers). */
  liveBaseUrlOverride?: string;
  /** Tests and the preview may bring their own journal. */
  journal?: Journal;
  timeoutMs?: number;
  /** How often BOS's QR status call is asked while a QR shows (default about 3 s; tests slow it to see the hub's path alone). */
  statusCallEveryMs?: number;
}

export interface CounterServices<S extends SandboxLink = SandboxLink> {
  /** Parses rawInput with the contract schema, runs the operation, never throws. */
  handle(operation: string, rawInput: unknown): Promise<PosResult<unknown>>;
  subscribe(listener: EventListener): () => void;
  /** What the customer display shows now: the open sale (if any) and how to greet. */
  customerView(): CustomerView;
  /** The customer display's own feed: every sale change and every change of its shop name, language or look. */
  subscribeCustomer(listener: (view: CustomerView) => void): () => void;
  /** The running sandbox, when the environment is sandbox (for tests and training tools). */
  sandbox(): S | null;
  /** The shells' own pairing (the preview's --hub and --pairing-code at start): as Settings' Connect, without the owner's PIN. */
  pairHub(url: string, code: string): Promise<PosResult<HubView>>;
  dispose(): Promise<void>;
}

/** Operations only the owner may run: their PIN session must be open. */
const OWNER_ONLY: ReadonlySet<OperationName> = new Set(['settings.update', 'settings.acceptPayee', 'refund.claim', 'history.export', 'hub.connect', 'hub.disconnect', 'hub.pairingCode', 'hub.ownerKey', 'hub.revokeOwnerKey', 'hub.revoke', 'shop.export']);

/** How far back a sale left open by a crash or power cut is looked for at start. */
const RESTORE_DAYS = 7;

export async function createCounterServices<S extends SandboxLink>(deps: CounterServicesDeps<S>): Promise<CounterServices<S>> {
  const now = deps.now ?? (() => performance.now());
  const events = new EventHub();
  const settings = new SettingsHolder(deps.settingsStore, readSettings(deps.settingsStore), await deps.secretBox.load().catch(() => null));

  const owner = new OwnerSession(
    new OwnerLock({ read: () => settings.get().ownerPin, write: (ownerPin) => settings.save({ ...settings.get(), ownerPin }) }, now),
    events,
  );
  const journalDir = join(deps.dataDir, 'journal');
  const written = deps.journal ?? createFileJournal({ dir: journalDir, terminal: () => settings.get().terminalName, role: () => (owner.lock.isUnlocked() ? 'owner' : 'staff') });
  // Every line written is also handed to the hub's sender (bound below), beside the caller, never before it.
  let onWritten: (event: JournalEvent) => void = () => undefined;
  const journal: Journal = {
    append: async (type, data) => {
      const event = await written.append(type, data);
      onWritten(event);
      return event;
    },
    close: () => written.close(),
  };

  const bos = new BosLink<S>({
    settings: () => settings.get(),
    token: () => settings.token(),
    startSandbox: deps.startSandbox,
    now,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    ...(deps.liveBaseUrlOverride ? { liveBaseUrlOverride: deps.liveBaseUrlOverride } : {}),
  });
  await bos.connect();

  const payees = new PayeePins(settings, () => (bos.isSandbox() ? 'sandbox' : `${bos.liveBaseUrl()}#${settings.get().registrationId}`));
  const sales = new SaleDesk({
    client: () => bos.client(),
    journal,
    now,
    newId: () => `s_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    onChange: (view) => events.emit('sale.changed', view),
    checkPayee: (payee) => payees.check(payee),
    onQrShown: (view, qr) => hub.link.expect({ saleId: view.saleId, qrId: qr.qrId, txnRef: qr.txnRefranceID, tr: qrTr(qr), amountPaise: view.amountPaise, expiresAt: qr.expiresAt }),
    onLateChange: (late) => events.emit('payments.lateChanged', late),
    confirmationExpected: () => hub.link.confirming(),
  });
  // The newest files whatever their dates: after the PC clock went back, the open sale sits in a "future" file.
  const recent = await readRecent(journalDir, new Date(), RESTORE_DAYS);
  sales.restore([...foldSales(recent.events).values()], recent.events);
  const refunds = new RefundDesk({ client: () => bos.client(), journal });

  const ctx: CounterContext<S> = { settings, secretBox: deps.secretBox, events, owner, journal, journalDir, bos, sales, refunds, payees, environmentChanged: () => void hub.start() };
  const hub: HubRuntime = await createHubRuntime(ctx, deps, (payment) =>
    sales.applyBosPayment({ paymentId: payment.paymentId, saleId: payment.saleId, qrId: payment.qrId, amountPaise: payment.amountPaise, currency: payment.currency, utr: payment.utr, payerVpa: payment.payerVpa, via: 'hub' }),
  );
  onWritten = (event) => hub.sender.enqueue(event);
  // In the background: the app's start and the first sale never wait for the hub.
  void hub.start();
  const statusWatch = new StatusWatch({
    client: () => bos.client(),
    enabled: () => bos.isSandbox() || settings.get().statusCallLive,
    onPaid: (payment) => sales.applyBosPayment(payment),
    ...(deps.statusCallEveryMs ? { everyMs: deps.statusCallEveryMs } : {}),
  });
  events.subscribe((event, payload) => event === 'sale.changed' && statusWatch.follow(payload as SaleView | null));
  const customer = new CustomerFeed(ctx);
  const handlers = {
    ...settingsHandlers(ctx, deps),
    ...saleHandlers(ctx),
    ...refundHandlers(ctx),
    ...historyHandlers(ctx, deps),
    ...ownerHandlers(owner, journal),
    ...customerHandlers(deps),
    ...hub.handlers,
    ...shopHandlers(hub, deps),
    ...paymentHandlers(ctx),
  } satisfies Handlers;

  async function handle(operation: string, rawInput: unknown): Promise<PosResult<unknown>> {
    if (typeof operation !== 'string' || !Object.prototype.hasOwnProperty.call(inputSchemas, operation)) {
      return err({ code: 'invalid_input', message: 'Counter does not know that action.' });
    }
    const op = operation as OperationName;
    const parsed = inputSchemas[op].safeParse(rawInput);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      // Our schemas carry cashier-worded messages ("Reference ID must be digits only."); zod's own are not for cashiers.
      const message = first && /^[A-Z][^:]*\.$/.test(first.message) ? first.message : 'The details sent are not in the expected form.';
      return err({ code: 'invalid_input', message });
    }
    if (OWNER_ONLY.has(op)) {
      if (!owner.lock.isUnlocked()) {
        if (!owner.lock.view().pinSet) return err({ code: 'not_set_up', message: 'The owner has not set up this counter yet: this needs the owner.' });
        return err({ code: 'owner_required', message: 'This needs the owner\'s PIN.' });
      }
      owner.lock.touch();
    }
    try {
      const run = handlers[op] as (input: unknown) => Promise<PosResult<unknown>>;
      return await run(parsed.data);
    } catch {
      return err({ code: 'internal', message: 'Counter hit an unexpected problem. Check the sale list before trying again.' });
    }
  }

  return {
    handle,
    subscribe: (listener) => events.subscribe(listener),
    customerView: () => customer.view(),
    subscribeCustomer: (listener) => customer.subscribe(listener),
    sandbox: () => bos.sandbox(),
    pairHub: async (url, code) => {
      const parsed = inputSchemas['hub.connect'].safeParse({ url, code });
      if (!parsed.success) return err({ code: 'invalid_input', message: parsed.error.issues[0]?.message ?? 'The hub address or pairing code is not in the expected form.' });
      return hub.handlers['hub.connect'](parsed.data);
    },
    async dispose() {
      owner.dispose();
      hub.dispose();
      statusWatch.stop();
      sales.dispose();
      events.clear();
      await journal.close();
      await bos.close();
    },
  };
}
