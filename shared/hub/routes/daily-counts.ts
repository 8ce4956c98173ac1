import { z } from 'zod';
import { branchCodeSchema } from '../../domain/identifiers';
import { stockConditions } from '../../domain/stock-ledger';
import { tokyoDateSchema } from '../../domain/tokyo-time';
import { hubRoute, office } from '../route';

/**
 * The supervisor's day (日次集計): what came in, what went out, who did it and how each station stands, for one Tokyo
 * day and one branch or all. Every figure is a count of a list the hub can give (`dailyCounts.list`), so a number on
 * the screen always opens the rows behind it.
 */

const isoInstant = z.string();
const count = z.int().min(0);

/** A bundle with its inspection deadline (3 days, the arrival day not counted). */
export const deadlineBundleSchema = z.object({ bundleId: z.string(), sellerId: z.string(), arrivedAt: isoInstant, deadline: isoInstant });

export const inboundCountsSchema = z.object({
  bundlesArrived: count,
  /** Bundles whose inspection began that day (a first count or find). */
  bundlesInspected: count,
  bundlesCompleted: count,
  bundlesHeld: z.array(z.object({ bundleId: z.string(), sellerId: z.string(), reason: z.string() })),
  bundlesRejected: count,
  /** Units posted to stock by completed inspections that day. */
  unitsCounted: count,
  /**
   * Units against the declared lines of bundles completed that day: short and over per line; unknown = goods on no
   * line (unknown items, other sellers' goods); damaged = the clerk's `damagedUnits` on a 'damaged' reason, or, from a
   * station older than that field, the line's difference from its declared quantity.
   */
  discrepancies: z.object({ short: count, over: count, unknown: count, damaged: count }),
  /** Past the limit and not completed by the end of the day (or now, for today). */
  lateBundles: z.array(deadlineBundleSchema),
  /** Reaching the limit on this day and not completed by its end (or now): still to be finished today. */
  dueToday: z.array(deadlineBundleSchema),
});

export const outboundCountsSchema = z.object({
  ordersPaid: count,
  ordersAllocated: count,
  /**
   * Orders waiting to be allocated at the end of the day (or now), by reason. The allocator does not store its reason,
   * so the hub reads it back: `held` (un-allocated by hand), `seller-suspended`, `not-linked`, else `out-of-stock`; for
   * a past day, `allocated-later` for one allocated since. Waiting orders are at no branch: the same for any branch.
   */
  waiting: z.array(z.object({ reason: z.string(), orders: count })),
  ordersPicked: count,
  ordersPacked: count,
  /** Orders scanned out, per parcel service (`nekopos`, `yamato`, `sagawa`, …). */
  shippedByService: z.array(z.object({ service: z.string(), orders: count, parcels: count })),
  /** Due by this day's cut-off (16:00 Qoo10, 13:00 other platforms) and not yet in transit. */
  dueNotShipped: z.array(
    z.object({ orderId: z.string(), orderNo: z.string(), sellerId: z.string(), source: z.string(), state: z.string(), cutoff: isoInstant }),
  ),
});

export const stationFloorSchema = z.object({
  stationId: z.string(),
  name: z.string(),
  branchCode: z.string(),
  /** As the station last reported them; null when it never has. */
  outboxWaiting: z.int().min(0).nullable(),
  printProblems: z.int().min(0).nullable(),
  lastContactAt: isoInstant.nullable(),
});

const hourly = z.array(count).length(24);

/** Per person signed in at a station: units counted (inspection.counted), items picked (order.picked), parcels packed (distinct tracking numbers). */
export const personFloorSchema = z.object({
  userId: z.string(),
  name: z.string(),
  unitsCounted: count,
  itemsPicked: count,
  parcelsPacked: count,
  /** The same per Tokyo hour, 0–23. */
  byHour: z.object({ unitsCounted: hourly, itemsPicked: hourly, parcelsPacked: hourly }),
});

export const dailyCountsSchema = z.object({
  date: tokyoDateSchema,
  branchCode: z.string().nullable(),
  /** When the hub answered: the figures are as of then. */
  asOf: isoInstant,
  inbound: inboundCountsSchema,
  outbound: outboundCountsSchema,
  stations: z.array(stationFloorSchema),
  people: z.array(personFloorSchema),
  /**
   * The day by Tokyo hour, 0–23: units counted and items picked as the stations' events say (all people, the same
   * source as `people`; undos netted), parcels shipped = distinct tracking numbers scanned out.
   */
  byHour: z.array(z.object({ hour: z.int().min(0).max(23), unitsCounted: count, itemsPicked: count, parcelsShipped: count })).length(24),
  /**
   * The 14 days up to and including this one, oldest first: units received (inbound ledger movements), orders
   * shipped, and `late` = those scanned out on a Tokyo day after their due ship day by the cut-off rules.
   */
  lastDays: z.array(z.object({ date: tokyoDateSchema, received: count, shipped: count, late: count })).length(14),
  /**
   * SKUs whose stock differs from the sum of their ledger at the last reconciliation; never fixed silently. Filled by
   * the daily reconciliation (server/services/inventory/reconciliation.ts); empty until that is wired in.
   */
  mismatches: z.array(
    z.object({
      sku: z.string(),
      branchCode: z.string(),
      /** Which balance is off: sellable units or damaged ones (each is checked against its own ledger sum). */
      condition: z.enum(stockConditions),
      stock: z.int(),
      ledger: z.int(),
      checkedAt: isoInstant,
    }),
  ),
});
export type DailyCountsView = z.infer<typeof dailyCountsSchema>;

/** The lists behind the figures: one name per number on the screen. */
export const dailyCountFigures = [
  'bundlesArrived',
  'bundlesInspected',
  'bundlesCompleted',
  'bundlesHeld',
  'bundlesRejected',
  'unitsCounted',
  'discrepancies',
  'lateBundles',
  'dueToday',
  'ordersPaid',
  'ordersAllocated',
  'waiting',
  'ordersPicked',
  'ordersPacked',
  'ordersShipped',
  'dueNotShipped',
] as const;
export type DailyCountFigure = (typeof dailyCountFigures)[number];

/** One row of a list: what it is, whose, when, and a line of detail (a reason, a service, counted vs declared). */
export const dailyCountRowSchema = z.object({
  id: z.string(),
  sellerId: z.string().nullable(),
  at: isoInstant.nullable(),
  detail: z.string().nullable(),
  quantity: z.int().nullable(),
});
export type DailyCountRow = z.infer<typeof dailyCountRowSchema>;

const dayQuery = z.object({ date: tokyoDateSchema.optional(), branchCode: branchCodeSchema.optional() });

/** The supervisor's day in numbers. */
export const dailyCountRoutes = {
  'dailyCounts.get': hubRoute({
    method: 'GET',
    path: '/api/v1/daily-counts',
    roles: office,
    summary: "The supervisor's figures for one Tokyo day (today by default), for all branches or one.",
    query: dayQuery,
    status: 200,
    response: dailyCountsSchema,
  }),
  'dailyCounts.list': hubRoute({
    method: 'GET',
    path: '/api/v1/daily-counts/:figure',
    roles: office,
    summary: 'The rows behind one figure of the day (at most 1,000, oldest first).',
    params: z.object({ figure: z.enum(dailyCountFigures) }),
    query: dayQuery,
    status: 200,
    response: z.object({ figure: z.enum(dailyCountFigures), rows: z.array(dailyCountRowSchema), truncated: z.boolean() }),
  }),
} as const;
