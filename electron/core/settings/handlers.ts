import type { AppInfo, ConnectionTestView, DisplayView, SettingsView } from '../../contract/views';
import { err, ok } from '../../contract/result';
import { toSettingsView, type StoredSettings } from './stored';
import { notSaved } from '../storage-errors';
import type { CounterContext } from './current';
import type { HandlersFor } from '../dispatch';

export interface SettingsDeps {
  version: string;
  shell: AppInfo['shell'];
  /** Things the owner should be told from start-up, such as a settings file set aside. */
  startupNotices?: string[];
  /** Electron: the monitors the customer display can open on. Absent in the preview (none). */
  listDisplays?: () => DisplayView[];
}

export function settingsView(ctx: CounterContext): Promise<SettingsView> {
  return ctx.secretBox.protection().then((protection) => toSettingsView(ctx.settings.get(), ctx.settings.token(), protection, ctx.payees.view()));
}

async function settingsChanged(ctx: CounterContext): Promise<SettingsView> {
  const view = await settingsView(ctx);
  ctx.events.emit('settings.changed', view);
  return view;
}

export function appInfo(ctx: CounterContext, deps: SettingsDeps): AppInfo {
  const sandbox = ctx.bos.isSandbox();
  return {
    version: deps.version,
    environment: ctx.settings.get().environment,
    sandbox,
    bosHost: ctx.bos.host(),
    shell: deps.shell,
    notices: deps.startupNotices ?? [],
  };
}

async function testConnection(ctx: CounterContext): Promise<ConnectionTestView> {
  const where = { host: ctx.bos.host(), sandbox: ctx.bos.isSandbox() };
  const answer = await ctx.bos.client().checkConnection();
  if (answer.ok || answer.error.code === 'rejected') return { outcome: 'reachable', ...where, message: 'BOS answered and accepted Counter\'s credentials.' };
  const { code, message } = answer.error;
  if (code === 'unauthorized') return { outcome: 'unauthorized', ...where, message };
  if (code === 'network' || code === 'timeout') return { outcome: 'unreachable', ...where, message };
  return { outcome: 'server_error', ...where, message };
}

export function settingsHandlers(ctx: CounterContext, deps: SettingsDeps): HandlersFor<'app.info' | 'settings.testConnection' | 'settings.displays' | 'settings.get' | 'settings.update' | 'settings.acceptPayee'> {
  return {
    'app.info': async () => ok(appInfo(ctx, deps)),
    'settings.testConnection': async () => ok(await testConnection(ctx)),
    'settings.displays': async () => ok(deps.listDisplays?.() ?? []),
    'settings.get': async () => ok(await settingsView(ctx)),
    'settings.update': async (changes) => {
      const settings = ctx.settings.get();
      if (changes.environment && changes.environment !== settings.environment && ctx.sales.active()) {
        return err({ code: 'busy', message: 'Finish or cancel the sale on screen before switching between Sandbox and Live.' });
      }
      const { token: newToken, plainTokenStorageAccepted, ...rest } = changes;
      if (plainTokenStorageAccepted !== undefined) await ctx.secretBox.allowPlainStorage(plainTokenStorageAccepted);
      const next: StoredSettings = { ...settings, ...rest, ...(plainTokenStorageAccepted !== undefined ? { plainTokenStorageAccepted } : {}) };
      if (next.environment === 'live' && !next.registrationId.trim()) {
        return err({ code: 'invalid_input', field: 'registrationId', message: 'Live needs the registration ID BOS gave your shop. Fill it in, then save. Nothing was changed.' });
      }
      try {
        ctx.settings.save(next);
      } catch (error) {
        return err(notSaved(error, 'Nothing was changed.'));
      }
      if (newToken !== undefined) {
        await ctx.secretBox.save(newToken);
        ctx.settings.setToken(newToken);
      }
      if (next.environment !== settings.environment || changes.liveBaseUrl) await ctx.bos.connect();
      if (next.environment !== settings.environment) ctx.environmentChanged();
      await ctx.journal.append('settings.changed', { fields: Object.keys(changes) }).catch(() => undefined);
      return ok(await settingsChanged(ctx));
    },
    'settings.acceptPayee': async ({ vpa }) => {
      let accepted: ReturnType<CounterContext['payees']['accept']>;
      try {
        accepted = ctx.payees.accept(vpa);
      } catch (error) {
        return err(notSaved(error, 'The new payee was not accepted.'));
      }
      if (!accepted) return err({ code: 'not_found', message: 'That is not the payee BOS offered for this account. Open Settings again to see the latest.' });
      await ctx.journal.append('payee.accepted', { vpa: accepted.vpa, name: accepted.name }).catch(() => undefined);
      return ok(await settingsChanged(ctx));
    },
  };
}
