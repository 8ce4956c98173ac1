import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../server/storage/migrate';
import { hubMigrations } from '../../../server/storage/migrations';
import { appendAudit } from '../../../server/services/audit/audit-log';
import type { HubDatabase } from '../../../server/storage/schema';
import { hubStoreFactories } from '../../support/hub-stores';
import { refusedBy } from './constraint-refusals';

const step = '0014-sign-in-guard';
const previousStep = (names: string[]) => names[names.indexOf(step) - 1]!;

describe.each(hubStoreFactories())('schema step 0014 (sign-in guard and audit log) on $dialect', (factory) => {
  afterAll(() => factory.dispose());

  it('adds the guard and an audit log the database keeps append-only, and goes down and up again', async () => {
    const store = await factory.open({ migrate: false });
    const db = store.db as unknown as Kysely<unknown>;
    await migrateHub(db, factory.dialect, previousStep(Object.keys(hubMigrations(factory.dialect))));
    expect(await migrateHub(db, factory.dialect, step)).toEqual([step]);

    const hub = store.db as Kysely<HubDatabase>;
    await appendAudit(hub, { kind: 'sign-in', outcome: 'ok', userId: 'u1', userName: 'A', method: 'pin' });
    await appendAudit(hub, { kind: 'sign-in', outcome: 'refused', userName: 'B', reason: 'unknown-user' });
    expect((await hub.selectFrom('audit_log').select(['seq', 'outcome']).orderBy('seq').execute()).map((row) => row.outcome)).toEqual(['ok', 'refused']);
    // History cannot be rewritten or erased, whoever tries.
    await expect(hub.updateTable('audit_log').set({ outcome: 'ok' }).where('outcome', '=', 'refused').execute()).rejects.toThrow(/append-only/);
    await expect(hub.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await hub.selectFrom('audit_log').select('outcome').orderBy('seq').execute()).toEqual([{ outcome: 'ok' }, { outcome: 'refused' }]);
    // One guard row per key.
    await hub.insertInto('sign_in_guards').values({ key: 'user:u1', failures: 1, last_failure_at: 'now', locked_until: null }).execute();
    await expect(
      hub.insertInto('sign_in_guards').values({ key: 'user:u1', failures: 1, last_failure_at: 'now', locked_until: null }).execute(),
    ).rejects.toMatchObject(refusedBy(factory.dialect, 'primary-key'));

    await hubMigrations(factory.dialect)[step]!.down!(db);
    expect((await db.introspection.getTables()).map((table) => table.name)).not.toContain('audit_log');
    await hubMigrations(factory.dialect)[step]!.up(db);
    await appendAudit(hub, { kind: 'sign-out', outcome: 'ok' });
    await store.close();
  });
});
