import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { branches } from '../../../shared/domain/identifiers';

export interface StationIdentity {
  stationId: string;
  secret: string;
  branchCode: string;
}

/**
 * The OS's protection for a secret at rest. Electron main passes safeStorage's pair (the OS keychain, DPAPI or the
 * desktop's secret service) when it has one; plain Node (web mode, tests) passes nothing and the secret is kept in
 * the identity file itself, which is readable by this user only (0600) either way.
 */
export interface SecretProtector {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/** What the identity file holds: the secret either sealed by the protector (base64) or, without one, as it is. */
interface IdentityFile {
  stationId: string;
  branchCode: string;
  secret?: string;
  sealedSecret?: string;
}

export const identityFileName = 'station-identity.json';

/**
 * Who this station is to the hub. A warehouse hub's admin registers the station (`qwms stations add`) and the floor
 * PC gets QWMS_STATION_ID and QWMS_STATION_SECRET; a single station with its own embedded hub makes an identity
 * up once and keeps it beside its data, readable by its user only (an older file with looser rights is tightened),
 * its secret sealed by `protector` when there is one (an older plain file is sealed on first read).
 */
export function stationIdentity(dataDir: string, env: NodeJS.ProcessEnv = process.env, protector?: SecretProtector): StationIdentity {
  const branchCode = env.QWMS_BRANCH ?? branches.qxpressJapan;
  if (env.QWMS_STATION_ID && env.QWMS_STATION_SECRET) return { stationId: env.QWMS_STATION_ID, secret: env.QWMS_STATION_SECRET, branchCode };
  const file = join(dataDir, identityFileName);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as IdentityFile;
    const identity = { stationId: stored.stationId, branchCode: stored.branchCode, secret: readSecret(stored, protector, file) };
    if (protector && stored.secret !== undefined) writeIdentity(file, identity, protector);
    return identity;
  }
  mkdirSync(dataDir, { recursive: true });
  const identity = { stationId: `station-${randomUUID().slice(0, 8)}`, secret: randomBytes(24).toString('base64url'), branchCode };
  writeIdentity(file, identity, protector);
  return identity;
}

function readSecret(stored: IdentityFile, protector: SecretProtector | undefined, file: string): string {
  if (stored.secret !== undefined) return stored.secret;
  if (stored.sealedSecret === undefined) throw new Error(`${file} holds no station secret`);
  // Sealed by the desktop app: plain Node cannot open it (no secret shown or guessed here, only where it is).
  if (!protector)
    throw new Error(`${file} was sealed by the QWMS Floor app with the OS's protection; run the app, or give QWMS_STATION_ID and QWMS_STATION_SECRET`);
  return protector.decrypt(Buffer.from(stored.sealedSecret, 'base64'));
}

function writeIdentity(file: string, identity: StationIdentity, protector: SecretProtector | undefined): void {
  const stored: IdentityFile = protector
    ? { stationId: identity.stationId, branchCode: identity.branchCode, sealedSecret: protector.encrypt(identity.secret).toString('base64') }
    : identity;
  writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
  // writeFileSync's mode applies only to a new file (and is masked by umask): make sure of it.
  chmodSync(file, 0o600);
}
