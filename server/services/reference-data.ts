import type { Kysely } from 'kysely';
import { branchNames } from '../../shared/domain/identifiers';
import type { HubDatabase } from '../storage/schema';

/** Branches and the tracking-number counter every hub has; idempotent, run at every start. */
export async function ensureReferenceData(db: Kysely<HubDatabase>): Promise<void> {
  for (const [code, name] of Object.entries(branchNames)) {
    await db
      .insertInto('branches')
      .values({ code, name })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  await db
    .insertInto('tracking_counter')
    .values({ name: 'default', next_serial: 1 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
