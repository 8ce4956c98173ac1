import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Refusal } from './refusal';
import { hashPin } from '../auth/pin-hash';
import type { HubDatabase } from '../storage/schema';

/**
 * Registers a floor station and returns its secret, shown once. With `secret` given (the embedded hub of a single
 * station, which generated it itself), the station is registered or its secret replaced.
 */
export async function registerStation(db: Kysely<HubDatabase>, station: { id: string; name: string; branchCode: string; secret?: string }): Promise<string> {
  if (!(await db.selectFrom('branches').select('code').where('code', '=', station.branchCode).executeTakeFirst())) {
    throw new Refusal('station-branch-unknown', { branch: station.branchCode });
  }
  const secret = station.secret ?? randomBytes(24).toString('base64url');
  const row = { id: station.id, name: station.name, branch_code: station.branchCode, secret_hash: await hashPin(secret), created_at: new Date().toISOString() };
  if (station.secret) {
    await db
      .insertInto('stations')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ secret_hash: row.secret_hash, branch_code: row.branch_code, name: row.name }))
      .execute();
  } else {
    if (await db.selectFrom('stations').select('id').where('id', '=', station.id).executeTakeFirst())
      throw new Refusal('duplicate', { what: 'station', id: station.id });
    await db.insertInto('stations').values(row).execute();
  }
  return secret;
}

/** What a station says of itself for the supervisor's day: events waiting in its outbox, print jobs failed or waiting. */
export interface StationReport {
  outboxWaiting: number;
  printProblems: number;
}

/** Keeps the station's report, and counts it as contact. */
export async function recordStationReport(db: Kysely<HubDatabase>, stationId: string, report: StationReport, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('stations')
    .set({ outbox_waiting: report.outboxWaiting, print_problems: report.printProblems, reported_at: at, last_contact_at: at })
    .where('id', '=', stationId)
    .execute();
  lastWritten(db).set(stationId, now.getTime());
}

/**
 * A station's pushes and pulls come every few seconds; writing the time of each would put a write behind every poll.
 * So the last contact is written at most once per `contactResolutionMs` per station (remembered per database in
 * memory): the supervisor sees "last contact" to within that, which is all a "is it alive" column needs.
 */
export const contactResolutionMs = 15_000;
const written = new WeakMap<Kysely<HubDatabase>, Map<string, number>>();
function lastWritten(db: Kysely<HubDatabase>): Map<string, number> {
  let byStation = written.get(db);
  if (!byStation) written.set(db, (byStation = new Map()));
  return byStation;
}

/** Notes that the station called the hub (cheap: a write only when the stored time is older than the resolution). */
export async function noteStationContact(db: Kysely<HubDatabase>, stationId: string, now = new Date()): Promise<void> {
  const byStation = lastWritten(db);
  const last = byStation.get(stationId);
  if (last !== undefined && now.getTime() - last < contactResolutionMs && now.getTime() >= last) return;
  byStation.set(stationId, now.getTime());
  await db.updateTable('stations').set({ last_contact_at: now.toISOString() }).where('id', '=', stationId).execute();
}
