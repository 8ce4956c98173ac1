import type { Migration } from 'kysely';
import type { Dialect } from '../dialect';
import { down0001, up0001 } from './0001-sellers-and-users';
import { down0002, up0002 } from './0002-inventory-inbound-stock';
import { down0003, up0003 } from './0003-orders-tracking-fees-sync';
import { down0004, up0004 } from './0004-inspection-findings';
import { down0005, up0005 } from './0005-voided-tracking-numbers';
import { down0006, up0006 } from './0006-bin-locations';
import { down0007, up0007 } from './0007-pick-lists';
import { down0008, up0008 } from './0008-label-time-slot';
import { down0009, up0009 } from './0009-parcel-tracking-numbers';
import { down0010, up0010 } from './0010-floor-event-times';
import { down0011, up0011 } from './0011-user-disable-and-credentials';
import { down0012, up0012 } from './0012-daily-count-indexes';
import { down0013, up0013 } from './0013-damaged-stock';
import { down0014, up0014 } from './0014-sign-in-guard';

/** Every schema step, in order. A new step is a new file here; a shipped step is never edited. */
export function hubMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-sellers-and-users': { up: up0001(), down: down0001 },
    '0002-inventory-inbound-stock': { up: up0002(dialect), down: down0002 },
    '0003-orders-tracking-fees-sync': { up: up0003(dialect), down: down0003 },
    '0004-inspection-findings': { up: up0004(dialect), down: down0004 },
    '0005-voided-tracking-numbers': { up: up0005(), down: down0005 },
    '0006-bin-locations': { up: up0006(), down: down0006 },
    '0007-pick-lists': { up: up0007(), down: down0007 },
    '0008-label-time-slot': { up: up0008(), down: down0008 },
    '0009-parcel-tracking-numbers': { up: up0009(dialect), down: down0009 },
    '0010-floor-event-times': { up: up0010(), down: down0010 },
    '0011-user-disable-and-credentials': { up: up0011(), down: down0011 },
    '0012-daily-count-indexes': { up: up0012(), down: down0012 },
    '0013-damaged-stock': { up: up0013(dialect), down: down0013 },
    '0014-sign-in-guard': { up: up0014(dialect), down: down0014(dialect) },
  };
}
