import type { Kysely } from 'kysely';
import type { HubDatabase } from '../../server/storage/schema';

/** How many rows a hub table holds: "nothing was written" checks count before and after. */
export async function rowCount(db: Kysely<HubDatabase>, table: keyof HubDatabase): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
