import { safeStorage } from 'electron';
import type { OsSecretStore } from '../services/context';

/**
 * Electron's non-blocking safeStorage API, required by the issue. The Electron this app ships
 * (41) does not have it yet: its electron.d.ts has no isAsyncEncryptionAvailable,
 * encryptStringAsync or decryptStringAsync. Later versions add it and drop the synchronous
 * one (removed in Electron 46), so the async calls are used as soon as they exist and the
 * synchronous ones until then. decryptStringAsync's answer is accepted as a string or as
 * an object with `result`, the shapes its documentation has shown.
 */
interface AsyncSafeStorage {
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  decryptStringAsync?(encrypted: Buffer): Promise<string | { result: string }>;
}

/**
 * The OS secret store for sealing signing keys, or null when there is none worth the name:
 * on Linux the `basic_text` backend "encrypts" with a fixed password, so a passphrase is
 * asked for instead. Uses the async API when present, the synchronous one otherwise.
 */
export async function osSecretStore(): Promise<OsSecretStore | null> {
  const api = safeStorage as typeof safeStorage & AsyncSafeStorage;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  const available = api.isAsyncEncryptionAvailable ? await api.isAsyncEncryptionAvailable() : safeStorage.isEncryptionAvailable();
  if (!available) return null;
  return {
    seal: async (plain) => (api.encryptStringAsync ? api.encryptStringAsync(plain) : safeStorage.encryptString(plain)),
    open: async (sealed) => {
      if (!api.decryptStringAsync) return safeStorage.decryptString(sealed);
      const result = await api.decryptStringAsync(sealed);
      return typeof result === 'string' ? result : result.result;
    },
  };
}
