import { join } from 'node:path';
import type { StationIdentity } from './station-identity';

/** The `qwms hub` arguments of a station's own hub: SQLite beside the station's data, any free loopback port. */
export function embeddedHubArgs(dataDir: string, identity: StationIdentity): string[] {
  return ['hub', '--db', join(dataDir, 'hub.sqlite'), '--port', '0', '--station', `${identity.stationId}:${identity.secret}:${identity.branchCode}`, '--demo'];
}

/** The hub prints `QWMS hub ready at <url>` once it listens; anything before that is its start-up log. */
export function hubUrlFrom(output: string): string | null {
  return /QWMS hub ready at (http:\/\/\S+)/.exec(output)?.[1] ?? null;
}
