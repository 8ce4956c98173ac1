import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { floorEventPayloads, FloorEventKind } from '../../shared/contract/floor-events';
import type { Refusal } from '../services/refusal';
import type { HubDatabase } from '../storage/schema';

/** What a floor event handler works with: the event's own transaction (its receipt is already in it) and its station. */
export interface EventContext {
  trx: Transaction<HubDatabase>;
  stationId: string;
  branchCode: string;
  eventId: string;
  /** The user signed in at the station when it happened, as the station reported it. */
  userId: string | null;
  /**
   * When it happened on the floor: the station's stated time, guarded (floor-time.ts). What the floor did is stamped
   * with this (shipped_at, completed_at, a movement's occurred_at, …), so a scan pushed late lands on its own day.
   */
  occurredAt: Date;
  /** When the hub applies it (its arrival): the changes feed, the upload queue, fees and other bookkeeping of the hub's own. */
  now: Date;
}

/**
 * A refusal that keeps the handler's writes: the event is answered as rejected, yet what was written commits with
 * its receipt. A bundle held for its fees is one: the station must hear "insufficient balance", and the hold must
 * stay for the supervisor and the seller to see.
 */
export interface RefusalKeepingWrites {
  refusal: Refusal;
}

/** Nothing (applied), or a refusal whose writes stand; a thrown Refusal instead rejects and undoes everything. */
export type HandlerOutcome = void | RefusalKeepingWrites;

export type FloorEventHandler<K extends FloorEventKind> = (payload: z.output<(typeof floorEventPayloads)[K]>, context: EventContext) => Promise<HandlerOutcome>;
