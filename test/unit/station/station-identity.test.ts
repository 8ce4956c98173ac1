import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { identityFileName, stationIdentity, type SecretProtector } from '../../../electron/station/embedded-hub/station-identity';

/**
 * Stands in for Electron's safeStorage, which needs a running Electron and an OS keychain: real AES-GCM under a key
 * held in memory, so a sealed file really cannot be read without it.
 */
function aesProtector(): SecretProtector {
  const key = randomBytes(32);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-identity-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const mode = (file: string) => statSync(file).mode & 0o777;

describe('the station identity at rest', () => {
  it('under plain Node: a 0600 file, and the same secret on every read', () => {
    const dir = dataDir();
    const first = stationIdentity(dir, {});
    const file = join(dir, identityFileName);
    expect(mode(file)).toBe(0o600);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(stationIdentity(dir, {})).toEqual(first);
  });

  it('tightens an older identity file that others could read, keeping its identity', () => {
    const dir = dataDir();
    const first = stationIdentity(dir, {});
    const file = join(dir, identityFileName);
    chmodSync(file, 0o644);
    expect(stationIdentity(dir, {})).toEqual(first);
    expect(mode(file)).toBe(0o600);
  });

  it('with the OS protection: the file holds the secret sealed only, and it reads back', () => {
    const dir = dataDir();
    const protector = aesProtector();
    const first = stationIdentity(dir, {}, protector);
    const file = join(dir, identityFileName);
    expect(readFileSync(file, 'utf8')).not.toContain(first.secret);
    expect(mode(file)).toBe(0o600);
    expect(stationIdentity(dir, {}, protector)).toEqual(first);
  });

  it('seals a plain file written before the protection was there', () => {
    const dir = dataDir();
    const plain = stationIdentity(dir, {});
    const protector = aesProtector();
    expect(stationIdentity(dir, {}, protector)).toEqual(plain);
    const file = join(dir, identityFileName);
    expect(readFileSync(file, 'utf8')).not.toContain(plain.secret);
    expect(stationIdentity(dir, {}, protector)).toEqual(plain);
  });

  it('refuses a sealed file under plain Node with a clear reason that shows no secret', () => {
    const dir = dataDir();
    const sealed = stationIdentity(dir, {}, aesProtector());
    const file = join(dir, identityFileName);
    const stored = readFileSync(file, 'utf8');
    let message = '';
    try {
      stationIdentity(dir, {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('sealed');
    expect(message).not.toContain(sealed.secret);
    // Nothing was rewritten by the refused read.
    expect(readFileSync(file, 'utf8')).toBe(stored);
  });

  it('a station joined to a warehouse hub takes its identity from the environment and writes nothing', () => {
    const dir = dataDir();
    expect(stationIdentity(dir, { QWMS_STATION_ID: 'st-1', QWMS_STATION_SECRET: 'from-env', QWMS_BRANCH: '0000011520' })).toEqual({
      stationId: 'st-1',
      secret: 'from-env',
      branchCode: '0000011520',
    });
    expect(() => statSync(join(dir, identityFileName))).toThrow();
  });
});
