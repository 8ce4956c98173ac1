import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/** A column of a bulk-loaded table, with its PostgreSQL array type for `unnest`. */
export interface BulkColumn {
  name: string;
  pg: 'text' | 'int8';
}

export interface BulkTable {
  name: string;
  columns: BulkColumn[];
}

export type BulkRow = (string | number | null)[];

/**
 * Writes generated rows straight into the hub's tables, bypassing the hub (its rules are not what is measured here):
 * prepared statements in one transaction per batch on SQLite, one `insert … select from unnest(arrays)` per batch on
 * PostgreSQL. Either way a year of history loads in about a minute.
 */
export interface BulkLoader {
  insert(table: BulkTable, rows: BulkRow[]): Promise<void>;
  /** Raw SQL on the same connection (analyze, counts). */
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function sqliteLoader(path: string): BulkLoader {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    async insert(table, rows) {
      let statement = statements.get(table.name);
      if (!statement) {
        statement = db.prepare(
          `insert into ${table.name} (${table.columns.map((c) => c.name).join(', ')}) values (${table.columns.map(() => '?').join(', ')})`,
        );
        statements.set(table.name, statement);
      }
      const prepared = statement;
      db.transaction(() => {
        for (const row of rows) prepared.run(row);
      })();
    },
    async run(sql) {
      db.exec(sql);
    },
    async close() {
      db.close();
    },
  };
}

export async function postgresLoader(url: string): Promise<BulkLoader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async insert(table, rows) {
      const columns = table.columns.map((column, index) => rows.map((row) => row[index] ?? null));
      const arrays = table.columns.map((column, index) => `$${index + 1}::${column.pg}[]`).join(', ');
      await client.query(`insert into ${table.name} (${table.columns.map((c) => c.name).join(', ')}) select * from unnest(${arrays})`, columns);
    },
    async run(sql) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}
