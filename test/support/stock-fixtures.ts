import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { FloorEvent, FloorEventKind, floorEventPayloads } from '../../shared/contract/floor-events';
import type { PersonRole } from '../../shared/hub/hub-roles';
import { registerStation } from '../../server/services/stations';
import { addUser } from '../../server/services/users';
import type { TestHub } from './hub-server';

/** Cycle counts and damaged stock: a station pushing floor events as a given user, and the balances they move. */

type Payload<K extends FloorEventKind> = z.input<(typeof floorEventPayloads)[K]>;
export type PushResult = { eventId: string; seq: number; status: string; reason: string | null; message: string | null };

export interface PushingStation {
  event<K extends FloorEventKind>(kind: K, payload: Payload<K>, userId: string): FloorEvent;
  push(events: FloorEvent[], language?: string): Promise<PushResult[]>;
  /** One event pushed; its result. */
  one<K extends FloorEventKind>(kind: K, payload: Payload<K>, userId: string, language?: string): Promise<PushResult>;
}

/** A station registered at the branch, pushing over HTTP like a real one (the station secret in the header). */
export async function pushingStation(hub: TestHub, id: string, branchCode: string): Promise<PushingStation> {
  const headers = { authorization: `Station ${id}:${await registerStation(hub.hub.store.db, { id, name: id, branchCode })}` };
  let seq = 0;
  const station: PushingStation = {
    event: (kind, payload, userId) => ({ eventId: randomUUID(), seq: ++seq, kind, payload, occurredAt: new Date().toISOString(), userId }),
    async push(events, language = 'ja') {
      const response = await hub.request('POST', '/api/v1/station-events', { token: null, headers, body: { events }, language });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.results;
    },
    one: async (kind, payload, userId, language) => (await station.push([station.event(kind, payload, userId)], language))[0]!,
  };
  return station;
}

let personSerial = 0;
/** A person of this role at the hub; their user id. */
export const person = (hub: TestHub, role: PersonRole) => addUser(hub.hub.store.db, { name: `${role}-count-${++personSerial}`, role, pin: '246810' });

/** A SKU's sellable and damaged units at a branch (0 and 0 when it never had stock there). */
export async function balanceOf(hub: TestHub, sku: string, branchCode: string): Promise<{ quantity: number; damaged: number }> {
  const row = await hub.hub.store.db
    .selectFrom('stock_balances')
    .select(['quantity', 'damaged'])
    .where('sku', '=', sku)
    .where('branch_code', '=', branchCode)
    .executeTakeFirst();
  return row ?? { quantity: 0, damaged: 0 };
}
