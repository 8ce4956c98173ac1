import type { Insertable } from 'kysely';
import { refuse } from '../services/refusal';
import { recordChange } from '../services/changes';
import { completeBundle, getBundle, recordBundleView, type BundleScope, type BundleView } from '../services/inbound';
import type { InspectionFindingsTable } from '../storage/schema';
import type { EventContext, FloorEventHandler } from './event-context';

/**
 * Quantity inspection (数量検品) as the floor reports it: units counted per line, goods that are on no line, and the
 * end of inspection, which posts stock and charges fees through the inbound service. Counts accumulate on
 * inbound_lines.counted as the events arrive, so the hub always knows how far a bundle's inspection has come.
 */

/** A station works on the bundles of its own branch; any other bundle reads as not found. */
const stationScope = (context: EventContext): BundleScope => ({ onlySeller: null, onlyBranch: context.branchCode });

/** The bundle, if it is being inspected: arrived, and not yet completed or rejected. */
async function bundleUnderInspection(context: EventContext, bundleId: string): Promise<BundleView> {
  const bundle = await getBundle(context.trx, bundleId, stationScope(context), context.now);
  if (bundle.state !== 'arrived') throw refuse('inspection-not-open', { id: bundle.id, state: bundle.state });
  return bundle;
}

type NewFinding = Omit<Insertable<InspectionFindingsTable>, 'id' | 'bundle_id' | 'station_event_id' | 'created_at'>;

async function storeFinding(context: EventContext, bundle: BundleView, finding: NewFinding): Promise<void> {
  // Found on the floor at the event's time, whenever the hub heard of it.
  const row = { ...finding, bundle_id: bundle.id, station_event_id: context.eventId, created_at: context.occurredAt.toISOString() };
  const { id } = await context.trx.insertInto('inspection_findings').values(row).returning('id').executeTakeFirstOrThrow();
  const data = {
    id,
    bundleId: row.bundle_id,
    kind: row.kind,
    lineId: row.line_id ?? null,
    code: row.code,
    quantity: row.quantity,
    note: row.note ?? null,
    createdAt: row.created_at,
  };
  await recordChange(
    context.trx,
    { entity: 'inspection-finding', entityId: String(id), op: 'upsert', branchCode: bundle.branchCode, sellerId: bundle.sellerId, data },
    context.now,
  );
}

/** A scan (+1), a keyed count (its difference) or an undo (negative) on one line; the running count never goes below zero. */
export const countUnits: FloorEventHandler<'inspection.counted'> = async (payload, context) => {
  const bundle = await bundleUnderInspection(context, payload.bundleId);
  const line = bundle.lines.find((candidate) => candidate.id === payload.lineId);
  if (!line) throw refuse('line-not-in-bundle', { id: payload.lineId });
  // Read and write in one transaction that holds the hub's write lock, so no other count slips in between.
  const before = line.counted ?? 0;
  const after = before + payload.quantity;
  if (after < 0) throw refuse('negative-count', { id: line.id, sku: line.sku, counted: before, quantity: payload.quantity });
  await context.trx.updateTable('inbound_lines').set({ counted: after }).where('id', '=', line.id).execute();
  // Tells other stations and the supervisor how far inspection has come: the bundle as read, with this line's new
  // count (the count is all that changed, so there is no need to read the bundle again).
  const progress: BundleView = { ...bundle, lines: bundle.lines.map((candidate) => (candidate.id === line.id ? { ...candidate, counted: after } : candidate)) };
  await recordBundleView(context.trx, progress, context.now);
};

/**
 * Goods that are none of the bundle's lines: an unknown code, or another seller's item. They are noted, not stocked.
 * A negative quantity (the clerk's undo) is kept as its own row, so the findings still add up and show the undo; it
 * may only take back what was found of that code and kind.
 */
export const recordFinding: FloorEventHandler<'inspection.found'> = async (payload, context) => {
  const bundle = await bundleUnderInspection(context, payload.bundleId);
  if (payload.quantity < 0) {
    const found = await context.trx
      .selectFrom('inspection_findings')
      .select((eb) => eb.fn.sum<number | string | null>('quantity').as('units'))
      .where('bundle_id', '=', bundle.id)
      .where('kind', '=', payload.kind)
      .where('code', '=', payload.code)
      .executeTakeFirst();
    const units = Number(found?.units ?? 0);
    if (units + payload.quantity < 0) throw refuse('finding-not-recorded', { id: bundle.id, code: payload.code, found: units, quantity: payload.quantity });
  }
  await storeFinding(context, bundle, { kind: payload.kind, line_id: null, code: payload.code, quantity: payload.quantity, note: payload.note });
};

/**
 * Inspection ends with what was counted: each line's accumulated count goes to stock and the fees to the seller's
 * balance (completeBundle). When the balance falls short the bundle is held instead; the hold is kept and the event
 * refused, so the clerk hears why and a later finish, after a top-up, completes it. The clerk's reasons are kept
 * only with a completed inspection, since a refused finish will be sent again with its reasons.
 */
export const finishInspection: FloorEventHandler<'inspection.finished'> = async (payload, context) => {
  const scope = stationScope(context);
  const bundle = await getBundle(context.trx, payload.bundleId, scope, context.now);
  const lines = new Map(bundle.lines.map((line) => [line.id, line]));
  for (const { lineId } of payload.reasons) if (!lines.has(lineId)) throw refuse('line-not-in-bundle', { id: lineId });

  // Units the clerk found damaged on a line go to damaged stock (completeBundle refuses more than were counted).
  const damaged = new Map(payload.reasons.map((reason) => [reason.lineId, reason.damagedUnits ?? 0]));
  const counts = bundle.lines.map((line) => ({ lineId: line.id, counted: line.counted ?? 0, damaged: damaged.get(line.id) ?? 0 }));
  // Completed (and its units received) when the clerk finished, on the floor; fees are charged as the hub applies it.
  const outcome = await completeBundle(context.trx, bundle.id, scope, counts, context.now, context.occurredAt);
  if (!outcome.completed) return { refusal: outcome.refusal };

  for (const { lineId, reason, note } of payload.reasons) {
    const line = lines.get(lineId)!;
    await storeFinding(context, bundle, { kind: 'line-reason', line_id: lineId, code: reason, quantity: (line.counted ?? 0) - line.quantity, note });
  }
};
