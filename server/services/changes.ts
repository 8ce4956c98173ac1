import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { hubWriteLock } from '../storage/serialized-writes';
import type { FeedChange } from '../../shared/hub/feed';
import type { HubDatabase } from '../storage/schema';
import { chunked } from './chunks';

/**
 * One change on the feed: the entity names the type of its data (shared/hub/feed.ts), so a view published in a shape
 * the stations do not read fails the typecheck here, not on the floor.
 */
export type ChangeRecord = FeedChange;

/**
 * Appends to the changes feed inside the caller's transaction, so a change is in the feed exactly when the write it
 * describes is committed. Stations pull the feed by sequence number.
 */
export async function recordChange(trx: Transaction<HubDatabase> | Kysely<HubDatabase>, change: ChangeRecord, now = new Date()): Promise<void> {
  // PostgreSQL hands out sequence numbers at insert time but transactions commit in any order, so a station reading
  // "after 4" could see 6, move on, and never see 5. Every write transaction already holds the hub's write lock
  // (storage/serialized-writes.ts); taking it again is free and covers a change recorded outside a transaction.
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${hubWriteLock})`.execute(trx);
  await trx.insertInto('changes').values(changeRow(change, now.toISOString())).execute();
}

/**
 * Appends many changes at once inside the caller's transaction (which already holds the hub's write lock): recordChange's
 * rows, written a few hundred per statement, because an allocation run may touch a hundred thousand orders and one
 * round trip each would take minutes.
 */
export async function recordChanges(trx: Transaction<HubDatabase>, changes: readonly ChangeRecord[], now: Date): Promise<void> {
  const createdAt = now.toISOString();
  for (const chunk of chunked(changes, 300)) {
    await trx
      .insertInto('changes')
      .values(chunk.map((change) => changeRow(change, createdAt)))
      .execute();
  }
}

function changeRow(change: ChangeRecord, createdAt: string) {
  return {
    entity: change.entity,
    entity_id: change.entityId,
    op: change.op,
    branch_code: change.branchCode,
    seller_id: change.sellerId,
    data: JSON.stringify(change.data),
    created_at: createdAt,
  };
}
