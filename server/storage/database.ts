import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect';
import { migrateHub } from './migrate';
import type { HubDatabase } from './schema';
import { serializeWritesOnPostgres } from './serialized-writes';

export interface HubStore {
  db: Kysely<HubDatabase>;
  dialect: Dialect;
  /** Where it is, for messages: a file path or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

// int8 (bigint, bigserial, count(*)) comes back from pg as a string by default; every such value here is far below
// 2^53, so numbers are safe and keep both dialects returning the same JavaScript types.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric (sum() results) likewise.
pg.types.setTypeParser(1700, (value) => Number(value));

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Opens the hub's database — a SQLite file (WAL mode) or a PostgreSQL URL — and brings its schema up to date.
 * The same Kysely queries run on both.
 */
export async function openHubStore(location: string, options: { migrate?: boolean } = {}): Promise<HubStore> {
  let db: Kysely<HubDatabase>;
  let dialect: Dialect;
  if (isPostgresUrl(location)) {
    dialect = 'postgres';
    db = serializeWritesOnPostgres(new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location, max: 10 }) }) }));
  } else {
    dialect = 'sqlite';
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    const sqlite = new BetterSqlite3(location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<HubDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  const store: HubStore = { db, dialect, location: dialect === 'postgres' ? redacted(location) : location, close: () => db.destroy() };
  if (options.migrate !== false) {
    try {
      await migrateHub(db as unknown as Kysely<unknown>, dialect);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return store;
}
