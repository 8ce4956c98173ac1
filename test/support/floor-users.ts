import type { Kysely } from 'kysely';
import type { Role } from '../../shared/domain/roles';
import type { HubDatabase } from '../../server/storage/schema';

/**
 * A floor user the hub knows, for tests that push floor events without signing anyone in: the hub checks that the
 * user an event names exists, is enabled and may do it (server/sync/event-user.ts). Inserted directly, with no PIN
 * anyone could sign in with: these users only appear as the author of pushed events.
 */
export async function addFloorUser(db: Kysely<HubDatabase>, id: string, role: Role, options: { disabled?: boolean } = {}): Promise<string> {
  const now = new Date().toISOString();
  await db
    .insertInto('users')
    .values({
      id,
      name: `${role} ${id}`,
      role,
      seller_id: null,
      pin_hash: 'no-sign-in',
      badge: null,
      created_at: now,
      ...(options.disabled ? { disabled_at: now } : {}),
    })
    .execute();
  return id;
}
