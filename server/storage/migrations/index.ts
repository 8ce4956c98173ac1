import type { Migration } from 'kysely';
import type { Dialect } from '../dialect';
import { down0001, up0001 } from './0001-sellers-and-users';
import { down0002, up0002 } from './0002-inventory-inbound-stock';
import { down0003, up0003 } from './0003-orders-tracking-fees-sync';
import { down0004, up0004 } from './0004-inspection-findings';
import { down0005, up0005 } from './0005-voided-tracking-numbers';

/** Every schema step, in order. A new step is a new file here; a shipped step is never edited. */
export function hubMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-sellers-and-users': { up: up0001(), down: down0001 },
    '0002-inventory-inbound-stock': { up: up0002(dialect), down: down0002 },
    '0003-orders-tracking-fees-sync': { up: up0003(dialect), down: down0003 },
    '0004-inspection-findings': { up: up0004(dialect), down: down0004 },
    '0005-voided-tracking-numbers': { up: up0005(), down: down0005 },
  };
}
