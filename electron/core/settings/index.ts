export { CurrentSettings } from './current';
export {
  DEFAULT_SETTINGS,
  LIVE_BOS_URL,
  readSettings,
  storedSettingsSchema,
  type SecretBox,
  type SettingsStore,
  type StoredSettings,
  type TokenStorage,
} from './stored';
