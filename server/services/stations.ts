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
  const row = { id: station.id, name: station.name, branch_code: station.branchCode, secret_hash: hashPin(secret), created_at: new Date().toISOString() };
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
