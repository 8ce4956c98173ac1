import type { CreateTableBuilder } from 'kysely';
import type { Dialect } from '../dialect';

/** The only SQL that differs between the dialects: auto-numbered keys and 64-bit integers. */
export function withSerialKey<T extends string>(table: CreateTableBuilder<T>, name: string, dialect: Dialect): CreateTableBuilder<T> {
  return dialect === 'postgres'
    ? table.addColumn(name, 'bigserial', (column) => column.primaryKey())
    : table.addColumn(name, 'integer', (column) => column.primaryKey().autoIncrement());
}

/** JPY balances and serials can pass 2^31; both dialects read these back as JS numbers (see database.ts). */
export const bigInteger = 'bigint' as const;
