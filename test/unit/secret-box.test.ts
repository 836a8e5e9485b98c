import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron and electron-store are mocked: the real electron would try to download its binary.
const mocks = vi.hoisted(() => ({
  backend: 'gnome_libsecret' as string,
  asyncAvailable: true,
  files: new Map<string, Record<string, unknown>>(),
}));

vi.mock('electron', () => ({
  safeStorage: {
    getSelectedStorageBackend: () => mocks.backend,
    isAsyncEncryptionAvailable: async () => mocks.asyncAvailable,
    encryptStringAsync: async (text: string) => Buffer.from(`sealed:${[...text].reverse().join('')}`),
    decryptStringAsync: async (buffer: Buffer) => ({ result: [...buffer.toString().replace(/^sealed:/, '')].reverse().join(''), shouldReEncrypt: false }),
  },
}));

vi.mock('electron-store', () => ({
  default: class {
    private readonly data: Record<string, unknown>;
    constructor(options: { name: string; cwd: string }) {
      const key = `${options.cwd}/${options.name}`;
      if (!mocks.files.has(key)) mocks.files.set(key, {});
      this.data = mocks.files.get(key)!;
    }
    get(key: string) {
      return this.data[key];
    }
    set(key: string, value: unknown) {
      this.data[key] = value;
    }
    delete(key: string) {
      delete this.data[key];
    }
  },
}));

const { createSafeStorageSecretBox } = await import('../../electron/main/adapters/secret-box');
const TOKEN = 'tok_live_abcdefgh_1234';
const onDisk = () => JSON.stringify([...mocks.files.values()]);

beforeEach(() => {
  mocks.files.clear();
  mocks.backend = 'gnome_libsecret';
  mocks.asyncAvailable = true;
});

describe('the token at rest', () => {
  it('is encrypted by the keyring and read back after a restart', async () => {
    const box = createSafeStorageSecretBox('/data');
    expect(await box.protection()).toBe('encrypted');
    await box.save(TOKEN);
    expect(onDisk()).not.toContain(TOKEN);
    expect(await createSafeStorageSecretBox('/data').load()).toBe(TOKEN);
  });

  it('with Linux basic_text it stays in memory for the session only, never on disk', async () => {
    mocks.backend = 'basic_text';
    const box = createSafeStorageSecretBox('/data');
    expect(await box.protection()).toBe('session_only');
    await box.save(TOKEN);
    expect(await box.load()).toBe(TOKEN);
    expect(onDisk()).not.toContain(TOKEN);
    expect(await createSafeStorageSecretBox('/data').load()).toBeNull();
  });

  it('with no encryption at all it is the same: memory only', async () => {
    mocks.asyncAvailable = false;
    const box = createSafeStorageSecretBox('/data');
    await box.save(TOKEN);
    expect(await box.protection()).toBe('session_only');
    expect(onDisk()).not.toContain(TOKEN);
  });

  it('is kept in plain text only once the owner accepts it, and dropped when they take it back', async () => {
    mocks.backend = 'basic_text';
    const box = createSafeStorageSecretBox('/data');
    await box.save(TOKEN);
    await box.allowPlainStorage(true);
    expect(await box.protection()).toBe('plain');
    expect(onDisk()).toContain(TOKEN);
    expect(await createSafeStorageSecretBox('/data').load()).toBe(TOKEN);
    await box.allowPlainStorage(false);
    expect(onDisk()).not.toContain(TOKEN);
    expect(await createSafeStorageSecretBox('/data').load()).toBeNull();
  });

  it('clearing removes it everywhere', async () => {
    const box = createSafeStorageSecretBox('/data');
    await box.save(TOKEN);
    await box.save(null);
    expect(await createSafeStorageSecretBox('/data').load()).toBeNull();
    expect(onDisk()).toBe('[{}]');
  });
});
