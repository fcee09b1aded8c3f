import { safeStorage } from 'electron';
import type { OsSecretStore } from '../services/context';

/**
 * The OS secret store for sealing signing keys, or null when there is none worth the name:
 * on Linux the `basic_text` backend "encrypts" with a fixed password, so a passphrase is
 * asked for instead. Uses Electron's non-blocking safeStorage API (Electron 45 has it and
 * deprecates the synchronous one, which Electron 46 removes); keys sealed earlier with the
 * synchronous encryptString still open with decryptStringAsync. Its `shouldReEncrypt` hint
 * (the OS rotated its key) is not acted on: the result is the key all the same.
 */
export async function osSecretStore(): Promise<OsSecretStore | null> {
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  // safeStorage takes and gives strings only: the key's bytes are base64 just for that call (the stored format).
  return {
    seal: (plain) => safeStorage.encryptStringAsync(plain.toString('base64')),
    open: async (sealed) => Buffer.from((await safeStorage.decryptStringAsync(sealed)).result, 'base64'),
  };
}
