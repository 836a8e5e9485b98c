import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { SecretBox } from '../../core/settings';

/**
 * The token, encrypted with safeStorage's async API. Where the OS offers no real
 * encryption (Linux `basic_text`), the token is kept in memory for this session
 * only and never written in plain text.
 */
export function createSafeStorageSecretBox(dataDir: string): SecretBox {
  const store = new Store<{ token?: string }>({ name: 'secrets', cwd: dataDir, configFileMode: 0o600 });
  let sessionOnly: string | null = null;

  const canEncrypt = async () => {
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return false;
    return safeStorage.isAsyncEncryptionAvailable();
  };

  return {
    async load() {
      if (sessionOnly) return sessionOnly;
      const sealed = store.get('token');
      if (!sealed || !(await canEncrypt())) return null;
      try {
        return (await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result;
      } catch {
        return null;
      }
    },
    async save(secret) {
      sessionOnly = null;
      if (secret === null) {
        store.delete('token');
        return;
      }
      if (!(await canEncrypt())) {
        sessionOnly = secret;
        store.delete('token');
        return;
      }
      store.set('token', (await safeStorage.encryptStringAsync(secret)).toString('base64'));
    },
  };
}
