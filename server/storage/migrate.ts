import { Migrator, sql, type Kysely } from 'kysely';
import type { Dialect } from './dialect';
import { hubMigrations } from './migrations';

export class DatabaseNewerThanCodeError extends Error {
  constructor(readonly unknownSteps: string[]) {
    super(
      `this database has schema steps this version of QWMS does not know (${unknownSteps.join(', ')}): it was written by a newer version; refusing to open it`,
    );
    this.name = 'DatabaseNewerThanCodeError';
  }
}

const migrationTable = 'kysely_migration';

async function appliedSteps(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === migrationTable)) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(migrationTable)} order by name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/**
 * Brings the schema up to this code's newest step (or to `target`). A database that has steps this code does not
 * know was written by a newer version: it is refused before anything is touched, never "repaired".
 */
export async function migrateHub(db: Kysely<unknown>, dialect: Dialect, target?: string): Promise<string[]> {
  const migrations = hubMigrations(dialect);
  const unknown = (await appliedSteps(db)).filter((name) => !Object.hasOwn(migrations, name));
  if (unknown.length > 0) throw new DatabaseNewerThanCodeError(unknown);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
