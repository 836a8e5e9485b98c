import type { HubPayment } from '../../contract/hub';
import type { HubView } from '../../contract/views';
import { err, ok, type Result } from '../../contract/result';
import type { PosError } from '../../contract/errors';
import { HubClient, type HubFailure } from './client';
import { z } from 'zod';
import { HUB_ROUTES } from '../../contract/hub';
import { HubLink, type HubLinkDeps } from './link';
import { StreamLoop } from './stream-loop';
import { JournalSender } from './journal-sender';
import { eventsForHub } from '../journal';
import { dayTotals, saleDays } from './day-totals';
import type { SecretBox, StoredSettings } from '../settings';
import { notSaved } from '../storage-errors';
import type { HubLinkContext } from './context';
import type { HandlersFor } from '../dispatch';

/** The in-process hub the shells run for the sandbox default: its address and a way to make a pairing code. */
export interface EmbeddedHub {
  url: string;
  pairingCode(): Promise<string>;
}

export interface HubDeps {
  /** Where the hub credential is kept (the same kind of SecretBox as the BOS token). */
  hubSecretBox: SecretBox;
  /** The shells start it in the background for the sandbox default; absent: no embedded hub. */
  embeddedHub?: () => Promise<EmbeddedHub>;
  fetch?: typeof fetch;
  hubBackoff?: HubLinkDeps['backoff'];
}

type StoredHub = NonNullable<StoredSettings['hub']>;

const shopChange = z.object({ terminalId: z.string().max(200), days: z.array(z.string().max(10)).max(400) });

export interface HubRuntime {
  link: HubLink;
  /** A call to the hub as this terminal (its credential), for the owner's operations. */
  call<T>(method: string, path: string, body: unknown, read: (value: unknown) => T): Promise<Result<T, HubFailure>>;
  /** This terminal's pairing now (null: none, or the embedded hub in Live). */
  pairing(): { role: 'counter' | 'owner'; shopName: string } | null;
  /** Every journal line this counter writes goes to the hub through it. */
  sender: JournalSender;
  handlers: HandlersFor<'hub.status' | 'hub.connect' | 'hub.disconnect'>;
  /** At start and after a switch of environment: open the link, or pair with the embedded hub in the background. */
  start(): Promise<void>;
  dispose(): void;
}

function pairingProblem(failure: HubFailure): PosError {
  if (failure.kind === 'unauthorized' || failure.kind === 'refused') {
    return { code: 'hub_unavailable', message: `The hub did not accept that pairing code (wrong, used already, or older than ten minutes). Make a new one on the owner's Counter or the hub. The hub said: ${failure.message}` };
  }
  if (failure.kind === 'rate_limited') return { code: 'hub_unavailable', message: `Too many pairing tries. Wait ${Math.ceil((failure.retryAfterMs ?? 30_000) / 1000)} seconds, then try again.` };
  return { code: 'hub_unavailable', message: failure.message };
}

export async function createHubRuntime(ctx: HubLinkContext, deps: HubDeps, onPayment: (payment: HubPayment) => Promise<void>): Promise<HubRuntime> {
  const fetchImpl = deps.fetch ?? globalThis.fetch.bind(globalThis);
  let credential = await deps.hubSecretBox.load().catch(() => null);
  const stored = () => ctx.settings.get().hub;
  const saveHub = (hub: StoredHub | null) => ctx.settings.save({ ...ctx.settings.get(), hub });

  const config = () => {
    const hub = stored();
    // The embedded hub hears only the sandbox's webhooks: in Live it is no source of payments.
    if (!hub || !credential || (hub.embedded && !ctx.bos.isSandbox())) return null;
    return { url: hub.url, credential, role: hub.role, shopName: hub.shopName, embedded: hub.embedded };
  };
  const sender = new JournalSender({
    fetch: fetchImpl,
    config,
    eventsAfter: (lastId) => eventsForHub(ctx.journalDir, lastId),
    reportDay: (day) => dayTotals(ctx.journalDir, day),
    saleDays: (saleIds) => saleDays(ctx.journalDir, saleIds),
    // The cashier is told on the hub badge when the hub keeps refusing the journal (the link exists by the time a send fails).
    onStuck: (since) => link.noteJournalStuck(since),
    ...(deps.hubBackoff ? { backoff: deps.hubBackoff } : {}),
  });
  // The owner's Counter follows the whole shop: each batch a counter sends becomes a `shop.changed` event.
  const shopWatch = new StreamLoop({
    fetch: fetchImpl,
    target: () => {
      const current = config();
      return current?.role === 'owner' ? { url: `${current.url}${HUB_ROUTES.shopStream}`, credential: current.credential, lastEventId: null } : null;
    },
    onEvent: async (event) => {
      if (event.event !== 'journal') return;
      let data: unknown = null;
      try {
        data = JSON.parse(event.data);
      } catch {
        // Not one this Counter can read: the next change, or a refresh, brings the screen up to date.
      }
      const change = shopChange.safeParse(data);
      if (change.success) ctx.events.emit('shop.changed', change.data);
    },
    onState: () => undefined,
    refusedMessage: 'The shop hub no longer accepts this Counter as the owner\'s.',
    ...(deps.hubBackoff ? { backoff: deps.hubBackoff } : {}),
  });
  const link = new HubLink({
    fetch: fetchImpl,
    config,
    cursor: {
      get: () => stored()?.cursor ?? null,
      set: (cursor) => {
        const hub = stored();
        if (!hub) return;
        try {
          saveHub({ ...hub, cursor });
        } catch {
          // Not kept: after a restart the hub resends from the older cursor, and payments already taken are recognised by id.
        }
      },
    },
    onPayment,
    onChange: (view) => ctx.events.emit('hub.changed', view),
    // Connected again after a drop: the hub may be back from a backup, holding less of this journal.
    onConnected: () => sender.resync(),
    ...(deps.hubBackoff ? { backoff: deps.hubBackoff } : {}),
  });

  /** The pairing in force changed (or the app started): the stream and the journal's sending start over. */
  function reconnect(): void {
    link.restart();
    sender.restart();
    shopWatch.start();
  }

  async function pair(url: string, code: string, embedded: boolean): Promise<Result<HubView, PosError>> {
    const base = url.replace(/\/+$/, '');
    const answer = await new HubClient(fetchImpl, base).pair(code, ctx.settings.get().terminalName);
    if (!answer.ok) return err(pairingProblem(answer.error));
    const { terminalId, role, shop } = answer.value;
    try {
      await deps.hubSecretBox.save(answer.value.credential);
      saveHub({ url: base, terminalId, role, shopId: shop.id, shopName: shop.name, embedded, cursor: null });
    } catch (error) {
      return err(notSaved(error, 'The counter was not paired.'));
    }
    credential = answer.value.credential;
    await ctx.journal.append('hub.paired', { url: base, terminalId, role, shopId: shop.id, embedded }).catch(() => undefined);
    reconnect();
    return ok(link.view());
  }

  let embeddedStarting: Promise<void> | null = null;
  async function pairEmbedded(): Promise<void> {
    if (!deps.embeddedHub) return;
    const hub = await deps.embeddedHub();
    const current = stored();
    if (current && !current.embedded) return; // the owner paired a real hub meanwhile
    if (current?.embedded && credential && current.url === hub.url) return reconnect();
    await pair(hub.url, await hub.pairingCode(), true);
  }

  return {
    link,
    call: async (method, path, body, read) => {
      const current = config();
      if (!current) return err({ kind: 'refused', message: 'This counter is not paired with a shop hub.' });
      return new HubClient(fetchImpl, current.url).call(method, path, current.credential, body, read);
    },
    pairing: () => {
      const current = config();
      return current ? { role: current.role, shopName: current.shopName } : null;
    },
    async start() {
      const hub = stored();
      if (hub && credential && !hub.embedded) return reconnect();
      if (!ctx.bos.isSandbox() || !deps.embeddedHub) return reconnect();
      // In the background: a fresh embedded hub takes seconds to start, and selling never waits for it.
      embeddedStarting ??= pairEmbedded().catch(() => undefined).finally(() => (embeddedStarting = null));
      await embeddedStarting;
    },
    sender,
    dispose: () => {
      link.stop();
      sender.stop();
      shopWatch.stop();
    },
    handlers: {
      'hub.status': async () => ok(link.view()),
      'hub.connect': async ({ url, code }) => pair(url, code, false),
      'hub.disconnect': async () => {
        const hub = stored();
        link.stop();
        sender.stop();
        shopWatch.stop();
        try {
          saveHub(null);
          await deps.hubSecretBox.save(null);
        } catch (error) {
          return err(notSaved(error, 'The counter is still paired.'));
        }
        credential = null;
        if (hub) await ctx.journal.append('hub.unpaired', { url: hub.url, terminalId: hub.terminalId }).catch(() => undefined);
        reconnect();
        return ok(link.view());
      },
    },
  };
}
