import { safeStorage } from 'electron';
import type { SecretProtector } from '../station/embedded-hub/station-identity';

/**
 * The OS's protection for the station secret at rest, through Electron's safeStorage (Keychain on macOS, DPAPI on
 * Windows, the desktop's secret service on Linux). Main process only, after 'ready'. On Linux without a secret
 * service safeStorage falls back to a key built into Chromium ('basic_text'), which protects nothing: then there is
 * none, and the secret stays in the station's 0600 identity file as under plain Node (station-identity.ts).
 */
export function osSecretProtector(log: (message: string) => void): SecretProtector | undefined {
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weak) {
    log('the OS offers no protection for stored secrets here: the station secret is kept in a file readable by this user only');
    return undefined;
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
