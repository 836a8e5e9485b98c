import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PosResult } from '../contract/errors';
import type { CustomerView } from '../contract/customer';
import type { HubView } from '../contract/views';
import { BosLink, type SandboxLink } from './bos';
import { CustomerFeed } from './customer';
import { customerHandlers, type CustomerDeps } from './customer/handlers';
import { createDispatch, type Handlers } from './dispatch';
import { EventHub, type EventListener } from './events';
import type { HistoryDeps } from './history';
import { historyHandlers } from './history/handlers';
import { startHubLink, type HubDeps } from './hub-link';
import { hubLinkHandlers } from './hub-link/handlers';
import { createFileJournal, observed, type Journal } from './journal';
import { OwnerLock, OwnerSession, pinStoreIn } from './owner';
import { ownerHandlers } from './owner/handlers';
import { Refunds } from './refund';
import { refundHandlers } from './refund/handlers';
import { AccountPayees, paymentFromHub, readRestoreWindow, Sales, watchQrStatus } from './sale';
import { saleHandlers } from './sale/handlers';
import { CurrentSettings, readSettings, type SecretBox, type SettingsStore } from './settings';
import { settingsHandlers, type SettingsDeps } from './settings/handlers';

export type { SandboxLink } from './bos';

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

/** The composition root: builds each domain from its parts and hands each its share of the operations. */
export async function createCounterServices<S extends SandboxLink>(deps: CounterServicesDeps<S>): Promise<CounterServices<S>> {
  const now = deps.now ?? (() => performance.now());
  const events = new EventHub();
  const settings = new CurrentSettings(deps.settingsStore, readSettings(deps.settingsStore), await deps.secretBox.load().catch(() => null));
  const owner = new OwnerSession(new OwnerLock(pinStoreIn(settings), now), events);
  const journalDir = join(deps.dataDir, 'journal');
  const journal = observed(deps.journal ?? createFileJournal({ dir: journalDir, terminal: () => settings.get().terminalName, role: () => (owner.lock.isUnlocked() ? 'owner' : 'staff') }));

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

  const payees = new AccountPayees(settings, () => bos.account());
  const sales = new Sales({
    client: () => bos.client(),
    journal,
    now,
    newId: () => `s_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    onChange: (view) => events.emit('sale.changed', view),
    checkPayee: (payee) => payees.check(payee),
    onLateChange: (late) => events.emit('payments.lateChanged', late),
    confirmationExpected: () => hub.link.confirming(),
  });
  const restored = await readRestoreWindow(journalDir);
  sales.restore(restored.sales, restored.events);
  const refunds = new Refunds({ client: () => bos.client(), journal });
  const hub = await startHubLink({ settings, bos, journal, journalDir, events, onPayment: (payment) => sales.applyBosPayment(paymentFromHub(payment)) }, deps);
  const statusWatch = watchQrStatus(events, {
    client: () => bos.client(),
    enabled: () => bos.isSandbox() || settings.get().statusCallLive,
    onPaid: (payment) => sales.applyBosPayment(payment),
    ...(deps.statusCallEveryMs ? { everyMs: deps.statusCallEveryMs } : {}),
  });
  const customer = new CustomerFeed({ settings, activeSale: () => sales.active(), events });

  const handlers = {
    ...settingsHandlers({ settings, secretBox: deps.secretBox, events, journal, bos, payees, saleOnScreen: () => sales.active() !== null, environmentChanged: () => void hub.start() }, deps),
    ...saleHandlers({ sales, capPaise: () => settings.get().capPaise, bos }),
    ...refundHandlers({ refunds, bos }),
    ...historyHandlers({ journalDir, resolvable: () => sales.resolvable() }, deps),
    ...ownerHandlers(owner, journal),
    ...customerHandlers(deps),
    ...hubLinkHandlers(hub, deps),
  } satisfies Handlers;
  const dispatch = createDispatch(handlers, owner.lock);

  return {
    handle: dispatch.handle,
    subscribe: (listener) => events.subscribe(listener),
    customerView: () => customer.view(),
    subscribeCustomer: (listener) => customer.subscribe(listener),
    sandbox: () => bos.sandbox(),
    pairHub: (url, code) => dispatch.asShell('hub.connect', { url, code }),
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
