import type { Kysely } from 'kysely';
import { floorEventPayloads, type FloorEvent, type FloorEventKind, type PushResult } from '../../shared/contract/floor-events';
import { Refusal, type ExplainRefusal } from '../services/refusal';
import { isUniqueViolation } from '../storage/constraint-errors';
import type { HubDatabase } from '../storage/schema';
import { checkEventUser } from './event-user';
import { floorEventHandlers, type EventContext, type HandlerOutcome } from './floor-event-handlers';
import { floorTimeOf, lateArrivalNoticeMs } from './floor-time';

export interface PushingStation {
  stationId: string;
  branchCode: string;
}

export interface ApplyOptions {
  /** The hub's clock (tests set it); each event's arrival is read from it. */
  now?: () => Date;
  /** Told when an event's floor time was not taken as stated, or it arrived long after it happened. */
  log?: (message: string) => void;
}

async function lastSeqOf(db: Kysely<HubDatabase>, stationId: string): Promise<number> {
  const row = await db
    .selectFrom('station_events')
    .select((eb) => eb.fn.max('station_seq').as('last'))
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/**
 * Applies a station's pushed events exactly once and in the station's order, whatever order they arrive in and
 * however often. Each event commits alone, together with its receipt in `station_events`, so a hub that dies
 * mid-push keeps a clean prefix and the station simply sends the rest again.
 */
export async function applyFloorEvents(
  db: Kysely<HubDatabase>,
  station: PushingStation,
  events: FloorEvent[],
  /** Words each refusal for the station in its language: the API layer's messages, handed in. */
  explain: ExplainRefusal,
  options: ApplyOptions = {},
): Promise<{ results: PushResult[]; lastSeq: number }> {
  const results: PushResult[] = [];
  let lastSeq = await lastSeqOf(db, station.stationId);
  const result = (event: FloorEvent, status: PushResult['status'], reason: string | null = null, params: Record<string, string | number> = {}): PushResult => ({
    eventId: event.eventId,
    seq: event.seq,
    status,
    reason,
    message: reason ? explain(reason, params) : null,
  });

  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const receipt = await db.selectFrom('station_events').select(['station_id', 'station_seq']).where('event_id', '=', event.eventId).executeTakeFirst();
    if (receipt) {
      const same = receipt.station_id === station.stationId && receipt.station_seq === event.seq;
      results.push(same ? result(event, 'duplicate') : result(event, 'rejected', 'event-id-reused', { eventId: event.eventId }));
      continue;
    }
    if (event.seq <= lastSeq) {
      results.push(result(event, 'rejected', 'event-seq-reused', { seq: event.seq }));
      continue;
    }
    if (event.seq > lastSeq + 1) {
      results.push(result(event, 'deferred', 'event-gap', { expected: lastSeq + 1, seq: event.seq }));
      continue;
    }
    const outcome = await applyOne(db, station, event, options);
    if (outcome === 'raced') {
      results.push(result(event, 'duplicate'));
    } else if (outcome.applied) {
      results.push(result(event, 'applied'));
    } else {
      results.push(result(event, 'rejected', outcome.reason, outcome.params));
    }
    lastSeq = event.seq;
  }
  return { results, lastSeq };
}

type Outcome = { applied: true } | { applied: false; reason: string; params: Record<string, string | number> } | 'raced';

async function applyOne(db: Kysely<HubDatabase>, station: PushingStation, event: FloorEvent, options: ApplyOptions): Promise<Outcome> {
  const now = options.now?.() ?? new Date();
  // Both times are kept: the floor's (what the records say happened when) and the arrival (applied_at).
  const floorTime = floorTimeOf(event.occurredAt, now);
  if (floorTime.adjusted) {
    options.log?.(
      `event ${event.eventId} of ${station.stationId}: stated time ${event.occurredAt} (${floorTime.adjusted}) recorded as its arrival ${now.toISOString()}`,
    );
  } else if (now.getTime() - floorTime.at.getTime() > lateArrivalNoticeMs) {
    options.log?.(`event ${event.eventId} of ${station.stationId} happened at ${event.occurredAt}, arrived ${now.toISOString()}`);
  }
  const receipt = (outcome: 'applied' | 'rejected', reason: string | null) => ({
    event_id: event.eventId,
    station_id: station.stationId,
    station_seq: event.seq,
    kind: event.kind,
    payload: JSON.stringify(event.payload),
    outcome,
    reason,
    applied_at: now.toISOString(),
    occurred_at: event.occurredAt,
    // Who and when as the day's figures read them (server/services/daily-counts): the guarded floor time, in ISO form.
    user_id: event.userId,
    floor_at: floorTime.at.toISOString(),
  });
  let refusal: { reason: string; params: Record<string, string | number> };
  try {
    const kept = await db.transaction().execute(async (trx) => {
      // The receipt goes first: a concurrent push of the same event fails here, before touching any stock.
      await trx.insertInto('station_events').values(receipt('applied', null)).execute();
      const kind = event.kind as FloorEventKind;
      if (!Object.hasOwn(floorEventPayloads, kind)) throw new Refusal('unknown-event-kind', { kind: event.kind });
      const payload = floorEventPayloads[kind].safeParse(event.payload);
      if (!payload.success)
        throw new Refusal('bad-event-payload', { kind: event.kind, fields: payload.error.issues.map((issue) => issue.path.join('.')).join(', ') });
      // Whoever the station names must exist, be enabled and have a role that may do this (server/sync/event-user.ts).
      await checkEventUser(trx, kind, event.userId);
      // The schema picked by `kind` parsed the payload, so it fits that kind's handler.
      const handle = floorEventHandlers[kind] as (payload: unknown, context: EventContext) => Promise<HandlerOutcome>;
      const outcome = await handle(payload.data, {
        trx,
        stationId: station.stationId,
        branchCode: station.branchCode,
        eventId: event.eventId,
        userId: event.userId,
        occurredAt: floorTime.at,
        now,
      });
      // Refused, but what the handler wrote stands (a bundle held for its fees): the receipt, in the same
      // transaction, says rejected, so the event is still answered once and never applied again.
      if (outcome)
        await trx.updateTable('station_events').set({ outcome: 'rejected', reason: outcome.refusal.code }).where('event_id', '=', event.eventId).execute();
      return outcome?.refusal;
    });
    if (kept) return { applied: false, reason: kept.code, params: kept.params };
    return { applied: true };
  } catch (error) {
    if (isUniqueViolation(error)) return 'raced';
    if (!(error instanceof Refusal)) throw error;
    refusal = { reason: error.code, params: error.params };
  }
  // A refused event still uses up its place in the order, or the station would be stuck behind it forever.
  try {
    await db.insertInto('station_events').values(receipt('rejected', refusal.reason)).execute();
  } catch (error) {
    if (isUniqueViolation(error)) return 'raced';
    throw error;
  }
  return { applied: false, ...refusal };
}
