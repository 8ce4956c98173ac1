import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { branches } from '../../../shared/domain/identifiers';

export interface StationIdentity {
  stationId: string;
  secret: string;
  branchCode: string;
}

/**
 * Who this station is to the hub. A warehouse hub's admin registers the station (`qwms stations add`) and the floor
 * PC gets QWMS_STATION_ID and QWMS_STATION_SECRET; a single station with its own embedded hub makes an identity
 * up once and keeps it beside its data, readable by its user only.
 */
export function stationIdentity(dataDir: string, env: NodeJS.ProcessEnv = process.env): StationIdentity {
  const branchCode = env.QWMS_BRANCH ?? branches.qxpressJapan;
  if (env.QWMS_STATION_ID && env.QWMS_STATION_SECRET) return { stationId: env.QWMS_STATION_ID, secret: env.QWMS_STATION_SECRET, branchCode };
  const file = join(dataDir, 'station-identity.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StationIdentity;
  mkdirSync(dataDir, { recursive: true });
  const identity = { stationId: `station-${randomUUID().slice(0, 8)}`, secret: randomBytes(24).toString('base64url'), branchCode };
  writeFileSync(file, JSON.stringify(identity), { mode: 0o600 });
  return identity;
}
