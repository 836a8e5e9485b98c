import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PosError, PosResult } from '../contract/errors';
import type { EventName, OperationResults } from '../contract/operations';
import { inputSchemas, type OperationInput, type OperationName } from '../contract/schemas';
import { shiftDay } from '../contract/days';
import type { CustomerDisplayStatus, CustomerView } from '../contract/customer';
import type { AppInfo, ConnectionTestView, DisplayView, OwnerView, SaleView, SettingsView } from '../contract/views';
import { startSandbox, type SandboxServer } from '../sandbox';
import { createBosClient, type BosClient } from './bos';
import { createFileJournal, localDay } from './journal/append';
import { unresolvedSales } from './journal/fold';
import { historyCsv } from './journal/csv';
import { historyRows, summarize, type DaySpan } from './journal/history';
import { readRange } from './journal/read';
import type { Journal } from './journal/types';
import { OWNER_SESSION_MS, OwnerLock, type PinStore } from './owner';
import { RefundDesk } from './refund';
import { err, ok } from './result';
import { SaleDesk } from './sale';
import { readSettings, toSettingsView, type SecretBox, type SettingsStore, type StoredSettings } from './settings';

export interface CounterServicesDeps {
  settingsStore: SettingsStore;
  secretBox: SecretBox;
  dataDir: string;
  fetch?: typeof fetch;
  version: string;
  shell: 'electron' | 'web-preview';
  now?: () => number;
  /** Browser preview only: run Live against this URL (may be http on loopback, for stub servers). */
  liveBaseUrlOverride?: string;
  /** Tests and the preview may bring their own journal. */
  journal?: Journal;
  /** Sandbox options (tests set latency and clock offsets through its control). */
  sandboxOptions?: Parameters<typeof startSandbox>[0];
  timeoutMs?: number;
  /** Electron: asks the owner where to save an export (null: they cancelled). Absent in the preview, which hands the file to the browser. */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
  /** Electron: the monitors the customer display can open on. Absent in the preview (none). */
  listDisplays?: () => DisplayView[];
  /** Things the owner should be told from start-up, such as a settings file set aside. */
  startupNotices?: string[];
  /** Electron: opens the customer display window. Absent in the preview, where the display is a page of its own. */
  openCustomerDisplay?: () => Promise<CustomerDisplayStatus>;
}

export interface CounterServices {
  /** Parses rawInput with the contract schema, runs the operation, never throws. */
  handle(operation: string, rawInput: unknown): Promise<PosResult<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  /** What the customer display shows now: the open sale (if any) and how to greet. */
  customerView(): CustomerView;
  /** The customer display's own feed: every sale change and every change of its shop name, language or look. */
  subscribeCustomer(listener: (view: CustomerView) => void): () => void;
  /** The running sandbox, when the environment is sandbox (for tests and training tools). */
  sandbox(): SandboxServer | null;
  dispose(): Promise<void>;
}

/** Operations only the owner may run: their PIN session must be open. */
const OWNER_ONLY: ReadonlySet<OperationName> = new Set(['settings.update', 'refund.claim', 'history.export']);

type Handlers = { [Op in OperationName]: (input: OperationInput<Op>) => Promise<PosResult<OperationResults[Op]>> };

const SANDBOX_REGISTRATION_ID = 'SANDBOX-COUNTER';

/** Where the browser preview serves the customer display (electron/web/server.ts). */
const PREVIEW_CUSTOMER_DISPLAY: CustomerDisplayStatus = { placement: 'browser', displayId: null, path: '/customer.html' };

export async function createCounterServices(deps: CounterServicesDeps): Promise<CounterServices> {
  const now = deps.now ?? (() => performance.now());
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const emit = (event: EventName, payload: unknown) => {
    for (const listener of listeners) listener(event, payload);
  };

  let settings: StoredSettings = readSettings(deps.settingsStore);
  let token: string | null = await deps.secretBox.load().catch(() => null);
  let sandbox: SandboxServer | null = null;
  let client: BosClient;

  const pinStore: PinStore = {
    read: () => settings.ownerPin,
    write: (ownerPin) => {
      settings = { ...settings, ownerPin };
      deps.settingsStore.write(settings);
    },
  };
  const owner = new OwnerLock(pinStore, now);
  let ownerExpiry: ReturnType<typeof setTimeout> | undefined;
  /** Tells every window about the owner session now, and again when it runs out. */
  const ownerChanged = (): OwnerView => {
    clearTimeout(ownerExpiry);
    const view = owner.view();
    if (view.unlocked) {
      ownerExpiry = setTimeout(ownerChanged, OWNER_SESSION_MS + 100);
      ownerExpiry.unref?.();
    }
    emit('owner.changed', view);
    return view;
  };

  const journalDir = join(deps.dataDir, 'journal');
  const journal = deps.journal ?? createFileJournal({ dir: journalDir, terminal: () => settings.terminalName, role: () => (owner.isUnlocked() ? 'owner' : 'staff') });

  const liveBaseUrl = () => deps.liveBaseUrlOverride ?? settings.liveBaseUrl;
  async function buildClient(): Promise<void> {
    if (settings.environment === 'sandbox') {
      sandbox ??= await startSandbox(deps.sandboxOptions);
    } else if (sandbox) {
      await sandbox.close();
      sandbox = null;
    }
    const live = settings.environment === 'live';
    client = createBosClient({
      baseUrl: live ? liveBaseUrl() : sandbox!.url,
      credentials: async () => (live ? { registrationId: settings.registrationId, ...(token ? { token } : {}) } : { registrationId: SANDBOX_REGISTRATION_ID }),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
      now,
    });
  }
  await buildClient();

  const customerViewOf = (sale: SaleView | null): CustomerView => ({
    sale,
    shopName: settings.shopName,
    language: settings.language,
    theme: settings.theme,
    training: settings.environment === 'sandbox',
  });
  const sales = new SaleDesk({ client: () => client, journal, now, newId: () => `s_${randomUUID().replace(/-/g, '').slice(0, 16)}`, onChange: (view) => emit('sale.changed', view) });
  /** The customer sees a sale only while it is being made or shown; one left from before a restart is the cashier's business. */
  const openSaleForCustomer = (): SaleView | null => {
    const active = sales.active();
    return active && (active.state === 'creating' || active.state === 'showing') ? active : null;
  };
  // A sale left open by a crash or power cut in the last week comes back as unresolved.
  const today = new Date();
  const recent = await readRange(journalDir, localDay(new Date(today.getTime() - 7 * 24 * 3600_000)), localDay(today));
  sales.restore(unresolvedSales(recent.events));
  const refunds = new RefundDesk({ client: () => client, journal });
  async function rowsFor(span: DaySpan) {
    // A day's sales may be paid just after midnight: read one day either side.
    const read = await readRange(journalDir, shiftDay(span.from, -1), shiftDay(span.to, 1));
    const { liveSaleId, ids } = sales.resolvable();
    return { rows: historyRows(read.events, span, { resolvable: ids, liveSaleId }), warnings: read.warnings };
  }
  const settingsView = async (): Promise<SettingsView> => toSettingsView(settings, token, await deps.secretBox.protection());

  const appInfo = (): AppInfo => ({
    version: deps.version,
    environment: settings.environment,
    sandbox: settings.environment === 'sandbox',
    bosHost: settings.environment === 'sandbox' ? 'embedded sandbox' : new URL(liveBaseUrl()).host,
    shell: deps.shell,
    notices: deps.startupNotices ?? [],
  });

  async function testConnection(): Promise<ConnectionTestView> {
    const where = { host: appInfo().bosHost, sandbox: settings.environment === 'sandbox' };
    const answer = await client.checkConnection();
    if (answer.ok || answer.error.code === 'rejected') return { outcome: 'reachable', ...where, message: 'BOS answered and accepted Counter\'s credentials.' };
    const { code, message } = answer.error;
    if (code === 'unauthorized') return { outcome: 'unauthorized', ...where, message };
    if (code === 'network' || code === 'timeout') return { outcome: 'unreachable', ...where, message };
    return { outcome: 'server_error', ...where, message };
  }

  const handlers: Handlers = {
    'app.info': async () => ok(appInfo()),
    'sale.current': async () => ok(sales.active()),
    'sale.create': async ({ amountPaise }) => {
      if (amountPaise > settings.capPaise) {
        return err({ code: 'invalid_input', message: 'The amount is above this counter\'s limit per QR.' });
      }
      return sales.create(amountPaise);
    },
    'sale.cancel': async ({ saleId }) => sales.cancel(saleId),
    'sale.markPaid': async ({ saleId, utr }) => sales.markPaid(saleId, utr),
    'refund.requestOtp': async (input) => refunds.requestOtp(input),
    'refund.claim': async (input) => refunds.claim(input),
    'refund.sandboxOtp': async ({ referenceId, ackNo }) => {
      if (!sandbox || settings.environment !== 'sandbox') return err({ code: 'not_allowed', message: 'Only the sandbox can show an OTP. In live mode the customer reads it from their phone.' });
      const otp = sandbox.control.revealOtp(referenceId.replace(/^0+(?=\d)/, ''), ackNo.replace(/^0+(?=\d)/, ''));
      return otp ? ok({ otp }) : err({ code: 'not_found', message: 'No OTP has been sent for these numbers yet. Press Send OTP first.' });
    },
    'history.day': async ({ day }) => {
      const { rows, warnings } = await rowsFor({ from: day, to: day });
      return ok({ day, rows, summary: summarize(rows), warnings });
    },
    'history.export': async ({ fromDay, toDay }) => {
      const { rows } = await rowsFor({ from: fromDay, to: toDay });
      const content = historyCsv(rows);
      const fileName = fromDay === toDay ? `counter-${fromDay}.csv` : `counter-${fromDay}-to-${toDay}.csv`;
      if (!deps.chooseExportPath) return ok({ kind: 'download', fileName, content, rows: rows.length });
      const path = await deps.chooseExportPath(fileName);
      if (!path) return ok({ kind: 'cancelled' });
      try {
        await writeFile(path, content, { encoding: 'utf8', mode: 0o600 });
      } catch {
        return err({ code: 'internal', message: 'Counter could not write the file there. Choose another folder (a USB stick may be full or read-only).' });
      }
      return ok({ kind: 'saved', path, rows: rows.length });
    },
    'owner.status': async () => ok(owner.view()),
    'owner.setPin': async ({ pin }) => {
      if (!(await owner.setPin(pin))) return err({ code: 'owner_required', message: 'Unlock with the current owner PIN before changing it.' });
      await journal.append('owner.pin_set', {}).catch(() => undefined);
      return ok(ownerChanged());
    },
    'owner.unlock': async ({ pin }) => {
      const outcome = await owner.unlock(pin);
      if (outcome.ok) return ok(ownerChanged());
      ownerChanged();
      if (outcome.reason === 'no_pin') return err({ code: 'not_found', message: 'No owner PIN is set yet. Open Settings to set one.' });
      await journal.append('owner.pin_refused', { locked: outcome.reason === 'locked' }).catch(() => undefined);
      if (outcome.reason === 'locked') {
        const minutes = Math.ceil(outcome.lockedForMs / 60_000);
        return err({ code: 'locked_out', message: `Too many wrong PINs. The PIN is locked for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`, count: minutes });
      }
      return err({ code: 'wrong_pin', message: `That PIN is not right. ${outcome.triesLeft} ${outcome.triesLeft === 1 ? 'try' : 'tries'} left before it locks for 5 minutes.`, count: outcome.triesLeft });
    },
    'owner.lock': async () => {
      owner.lock();
      return ok(ownerChanged());
    },
    'settings.testConnection': async () => ok(await testConnection()),
    'settings.displays': async () => ok(deps.listDisplays?.() ?? []),
    'settings.get': async () => ok(await settingsView()),
    'settings.update': async (changes) => {
      if (changes.environment && changes.environment !== settings.environment && sales.active()) {
        return err({ code: 'busy', message: 'Finish or cancel the sale on screen before switching between Sandbox and Live.' });
      }
      const { token: newToken, plainTokenStorageAccepted, ...rest } = changes;
      if (plainTokenStorageAccepted !== undefined) await deps.secretBox.allowPlainStorage(plainTokenStorageAccepted);
      const next: StoredSettings = { ...settings, ...rest, ...(plainTokenStorageAccepted !== undefined ? { plainTokenStorageAccepted } : {}) };
      deps.settingsStore.write(next);
      const changedFields = Object.keys(changes);
      if (newToken !== undefined) {
        await deps.secretBox.save(newToken);
        token = newToken;
      }
      const environmentChanged = next.environment !== settings.environment;
      settings = next;
      if (environmentChanged || changes.liveBaseUrl) await buildClient();
      await journal.append('settings.changed', { fields: changedFields }).catch(() => undefined);
      const view = await settingsView();
      emit('settings.changed', view);
      return ok(view);
    },
    'customer.open': async () => ok(deps.openCustomerDisplay ? await deps.openCustomerDisplay() : PREVIEW_CUSTOMER_DISPLAY),
  };

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
      if (!owner.isUnlocked()) {
        const { pinSet } = owner.view();
        return err({ code: 'owner_required', message: pinSet ? 'This needs the owner\'s PIN.' : 'Set an owner PIN in Settings first: this needs it.' });
      }
      owner.touch();
    }
    try {
      const run = handlers[op] as (input: unknown) => Promise<PosResult<unknown>>;
      return await run(parsed.data);
    } catch {
      const error: PosError = { code: 'internal', message: 'Counter hit an unexpected problem. Check the sale list before trying again.' };
      return err(error);
    }
  }

  function subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return {
    handle,
    subscribe,
    customerView: () => customerViewOf(openSaleForCustomer()),
    // The customer's feed is derived from the app's own events: each sale change as it is, and on a
    // settings change (shop name, language, look) the view again.
    subscribeCustomer(listener) {
      return subscribe((event, payload) => {
        if (event === 'sale.changed') listener(customerViewOf(payload as SaleView | null));
        else if (event === 'settings.changed') listener(customerViewOf(openSaleForCustomer()));
      });
    },
    sandbox: () => sandbox,
    async dispose() {
      clearTimeout(ownerExpiry);
      sales.dispose();
      listeners.clear();
      await journal.close();
      await sandbox?.close();
      sandbox = null;
    },
  };
}
