import type { Dialect } from '../../../server/storage/dialect';

/** The constraints a schema step promises; a test names the one it expects to refuse a write. */
export type Constraint = 'unique' | 'primary-key' | 'check' | 'foreign-key' | 'not-null';

/**
 * The error code each database gives for each refusal, written out here (not read from server/storage): SQLite's
 * extended result codes as better-sqlite3 reports them, PostgreSQL's SQLSTATE. A write refused for another reason
 * (a typo in the column, a missing table) then fails the test instead of passing it.
 */
const codes: Record<Dialect, Record<Constraint, string>> = {
  sqlite: {
    unique: 'SQLITE_CONSTRAINT_UNIQUE',
    'primary-key': 'SQLITE_CONSTRAINT_PRIMARYKEY',
    check: 'SQLITE_CONSTRAINT_CHECK',
    'foreign-key': 'SQLITE_CONSTRAINT_FOREIGNKEY',
    'not-null': 'SQLITE_CONSTRAINT_NOTNULL',
  },
  postgres: {
    unique: '23505',
    'primary-key': '23505',
    check: '23514',
    'foreign-key': '23503',
    'not-null': '23502',
  },
};

/** For `await expect(write).rejects.toMatchObject(refusedBy(dialect, 'unique'))`. */
export function refusedBy(dialect: Dialect, constraint: Constraint): { code: string } {
  return { code: codes[dialect][constraint] };
}
