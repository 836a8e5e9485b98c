import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { SecretBox, TokenStorage } from '../../core/settings';

interface Sealed {
  /** base64 of safeStorage's ciphertext. */
  token?: string;
  /** The token in plain text: only when the OS has no keyring and the owner accepted it for this machine. */
  plainToken?: string;
  plainAccepted?: boolean;
}

/**
 * The token, encrypted with safeStorage's async API. Where the OS offers no real encryption
 * (Linux `basic_text`, or none at all) the token is kept in memory for this session only,
 * unless the owner explicitly accepted plain storage on this machine. Never silently plain.
 */
/** `name`: the file under the data folder (`secrets` for the BOS token, `hub-secrets` for the hub credential). */
export function createSafeStorageSecretBox(dataDir: string, name = 'secrets'): SecretBox {
  const store = new Store<Sealed>({ name, cwd: dataDir, configFileMode: 0o600 });
  let sessionOnly: string | null = null;

  const canEncrypt = async () => {
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return false;
    return safeStorage.isAsyncEncryptionAvailable();
  };
  const protection = async (): Promise<TokenStorage> => ((await canEncrypt()) ? 'encrypted' : store.get('plainAccepted') ? 'plain' : 'session_only');

  return {
    protection,
    async allowPlainStorage(accepted) {
      store.set('plainAccepted', accepted);
      if (!accepted) store.delete('plainToken');
      else if (sessionOnly && !(await canEncrypt())) store.set('plainToken', sessionOnly);
    },
    async load() {
      if (sessionOnly) return sessionOnly;
      const kept = await protection();
      if (kept === 'plain') return store.get('plainToken') ?? null;
      const sealed = store.get('token');
      if (!sealed || kept !== 'encrypted') return null;
      try {
        return (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result;
      } catch {
        return null;
      }
    },
    async save(secret) {
      sessionOnly = null;
      store.delete('plainToken');
      if (secret === null) {
        store.delete('token');
        return;
      }
      const kept = await protection();
      if (kept === 'encrypted') {
        store.set('token', (await safeStorage.encryptStringAsync(secret)).toString('base64'));
        return;
      }
      store.delete('token');
      if (kept === 'plain') store.set('plainToken', secret);
      else sessionOnly = secret;
    },
  };
}
