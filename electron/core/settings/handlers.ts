import type { AppInfo, ConnectionTestView, DisplayView, PayeeView, SettingsView } from '../../contract/views';
import { err, ok } from '../../contract/result';
import type { BosLink } from '../bos';
import type { HandlersFor } from '../dispatch';
import type { EventHub } from '../events';
import type { Journal } from '../journal';
import { notSaved } from '../storage-errors';
import type { CurrentSettings } from './current';
import { toSettingsView, type SecretBox, type StoredSettings } from './stored';

/** What the shell tells Settings about itself. */
export interface SettingsDeps {
  version: string;
  shell: AppInfo['shell'];
  /** Things the owner should be told from start-up, such as a settings file set aside. */
  startupNotices?: string[];
  /** Electron: the monitors the customer display can open on. Absent in the preview (none). */
  listDisplays?: () => DisplayView[];
}

/** What Settings works with: the settings and their secret, and the parts of the app a change reaches. */
export interface SettingsParts {
  settings: CurrentSettings;
  secretBox: SecretBox;
  events: EventHub;
  journal: Journal;
  bos: Pick<BosLink, 'isSandbox' | 'host' | 'client' | 'connect'>;
  /** The payee this BOS account's QRs pay, and the owner's acceptance of a new one. */
  payees: { view(): PayeeView; accept(vpa: string): { vpa: string; name: string } | null };
  /** A sale on screen: no switch between Sandbox and Live until it is over. */
  saleOnScreen: () => boolean;
  /** Sandbox ↔ Live: the hub link looks again at which hub (embedded or the shop's) applies. */
  environmentChanged: () => void;
}

function settingsView(parts: SettingsParts): Promise<SettingsView> {
  return parts.secretBox.protection().then((protection) => toSettingsView(parts.settings.get(), parts.settings.token(), protection, parts.payees.view()));
}

async function settingsChanged(parts: SettingsParts): Promise<SettingsView> {
  const view = await settingsView(parts);
  parts.events.emit('settings.changed', view);
  return view;
}

function appInfo(parts: SettingsParts, deps: SettingsDeps): AppInfo {
  return {
    version: deps.version,
    environment: parts.settings.get().environment,
    sandbox: parts.bos.isSandbox(),
    bosHost: parts.bos.host(),
    shell: deps.shell,
    notices: deps.startupNotices ?? [],
  };
}

async function testConnection(parts: SettingsParts): Promise<ConnectionTestView> {
  const where = { host: parts.bos.host(), sandbox: parts.bos.isSandbox() };
  const answer = await parts.bos.client().checkConnection();
  if (answer.ok || answer.error.code === 'rejected') return { outcome: 'reachable', ...where, message: 'BOS answered and accepted Counter\'s credentials.' };
  const { code, message } = answer.error;
  if (code === 'unauthorized') return { outcome: 'unauthorized', ...where, message };
  if (code === 'network' || code === 'timeout') return { outcome: 'unreachable', ...where, message };
  return { outcome: 'server_error', ...where, message };
}

export function settingsHandlers(parts: SettingsParts, deps: SettingsDeps): HandlersFor<'app.info' | 'settings.testConnection' | 'settings.displays' | 'settings.get' | 'settings.update' | 'settings.acceptPayee'> {
  const { settings, secretBox, bos, journal } = parts;
  return {
    'app.info': async () => ok(appInfo(parts, deps)),
    'settings.testConnection': async () => ok(await testConnection(parts)),
    'settings.displays': async () => ok(deps.listDisplays?.() ?? []),
    'settings.get': async () => ok(await settingsView(parts)),
    'settings.update': async (changes) => {
      const before = settings.get();
      if (changes.environment && changes.environment !== before.environment && parts.saleOnScreen()) {
        return err({ code: 'busy', message: 'Finish or cancel the sale on screen before switching between Sandbox and Live.' });
      }
      const { token: newToken, plainTokenStorageAccepted, ...rest } = changes;
      if (plainTokenStorageAccepted !== undefined) await secretBox.allowPlainStorage(plainTokenStorageAccepted);
      const next: StoredSettings = { ...before, ...rest, ...(plainTokenStorageAccepted !== undefined ? { plainTokenStorageAccepted } : {}) };
      if (next.environment === 'live' && !next.registrationId.trim()) {
        return err({ code: 'invalid_input', field: 'registrationId', message: 'Live needs the registration ID BOS gave your shop. Fill it in, then save. Nothing was changed.' });
      }
      try {
        settings.save(next);
      } catch (error) {
        return err(notSaved(error, 'Nothing was changed.'));
      }
      if (newToken !== undefined) {
        await secretBox.save(newToken);
        settings.setToken(newToken);
      }
      if (next.environment !== before.environment || changes.liveBaseUrl) await bos.connect();
      if (next.environment !== before.environment) parts.environmentChanged();
      await journal.append('settings.changed', { fields: Object.keys(changes) }).catch(() => undefined);
      return ok(await settingsChanged(parts));
    },
    'settings.acceptPayee': async ({ vpa }) => {
      let accepted: ReturnType<SettingsParts['payees']['accept']>;
      try {
        accepted = parts.payees.accept(vpa);
      } catch (error) {
        return err(notSaved(error, 'The new payee was not accepted.'));
      }
      if (!accepted) return err({ code: 'not_found', message: 'That is not the payee BOS offered for this account. Open Settings again to see the latest.' });
      await journal.append('payee.accepted', { vpa: accepted.vpa, name: accepted.name }).catch(() => undefined);
      return ok(await settingsChanged(parts));
    },
  };
}
