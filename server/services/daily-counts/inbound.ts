import { sql } from 'kysely';
import { inspectionDeadline, isInspectionLate } from '../../../shared/domain/inbound-deadline';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { branchStations, daysBefore, lookBackDays, num, payloadText, type Day } from './day';

type InboundCounts = DailyCountsView['inbound'];
type DeadlineBundle = InboundCounts['lateBundles'][number];

/** Bundles arrived or completed in the day: a range over one indexed column. */
export function bundlesIn(day: Day, column: 'arrived_at' | 'completed_at') {
  let query = day.db.selectFrom('cargo_bundles').where(column, '>=', day.from).where(column, '<', day.until);
  if (day.branchCode) query = query.where('branch_code', '=', day.branchCode);
  return query;
}

/** Bundles rejected in the day: a rejected bundle is final, so its last update is its rejection. */
export function bundlesRejected(day: Day) {
  let query = day.db.selectFrom('cargo_bundles').where('state', '=', 'rejected').where('updated_at', '>=', day.from).where('updated_at', '<', day.until);
  if (day.branchCode) query = query.where('branch_code', '=', day.branchCode);
  return query;
}

/**
 * Bundles held (inspection finished but the fees could not be charged): held now, among those that had arrived by the
 * day's end. A hold is a state, not an event: a past day shows the bundles still held today.
 */
export function bundlesHeld(day: Day) {
  let query = day.db.selectFrom('cargo_bundles').where('state', '=', 'arrived').where('hold_reason', 'is not', null).where('arrived_at', '<', day.until);
  if (day.branchCode) query = query.where('branch_code', '=', day.branchCode);
  return query;
}

/** Inbound ledger movements of the day (units posted by completed inspections), read from the index alone. */
export function inboundMovements(day: Day) {
  let query = day.db.selectFrom('stock_movements').where('kind', '=', 'inbound').where('occurred_at', '>=', day.from).where('occurred_at', '<', day.until);
  if (day.branchCode) query = query.where('branch_code', '=', day.branchCode);
  return query;
}

const inspectionKinds = ['inspection.counted', 'inspection.found'];

/**
 * Bundles whose inspection began in the day: a first count or find that day, none before. A bundle's inspection
 * cannot begin before it arrived, so "none before" looks only between the earliest arrival among them and the day.
 */
export async function bundlesInspected(day: Day): Promise<{ bundleId: string; at: string }[]> {
  const bundleId = payloadText(day.dialect, 'bundleId');
  const touched = (from: string, until: string) => {
    let query = day.db
      .selectFrom('station_events')
      .select([bundleId.as('bundle_id'), (eb) => eb.fn.min('floor_at').as('first_at')])
      .where('kind', 'in', inspectionKinds)
      .where('floor_at', '>=', from)
      .where('floor_at', '<', until)
      .where('outcome', '=', 'applied')
      .groupBy(bundleId);
    if (day.branchCode) query = query.where('station_id', 'in', branchStations(day));
    return query.execute();
  };
  const today = (await touched(day.from, day.until)).filter((row) => row.bundle_id !== null);
  if (today.length === 0) return [];
  const arrivals = await day.db
    .selectFrom('cargo_bundles')
    .select(['id', 'arrived_at'])
    .where(
      'id',
      'in',
      today.map((row) => row.bundle_id!),
    )
    .execute();
  const earliest = arrivals
    .map((row) => row.arrived_at)
    .filter((at): at is string => at !== null && at < day.from)
    .reduce((min, at) => (at < min ? at : min), day.from);
  const floor = [earliest, daysBefore(day, lookBackDays)].reduce((a, b) => (a > b ? a : b));
  const before = floor < day.from ? new Set((await touched(floor, day.from)).map((row) => row.bundle_id)) : new Set<string | null>();
  return today
    .filter((row) => !before.has(row.bundle_id))
    .map((row) => ({ bundleId: row.bundle_id!, at: String(row.first_at) }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.bundleId.localeCompare(b.bundleId));
}

/** A line of a bundle completed in the day, with what inspection noted of it. */
export interface CompletedLine {
  bundleId: string;
  sellerId: string;
  lineId: string;
  sku: string;
  declared: number;
  counted: number;
}

export interface Discrepancy {
  kind: 'short' | 'over' | 'unknown' | 'damaged';
  bundleId: string;
  sellerId: string;
  /** The SKU, or the scanned code of goods on no line. */
  code: string;
  units: number;
  at: string;
}

/**
 * Units against the declared lines of the bundles completed in the day. Short and over: declared vs counted per line.
 * Unknown: goods on none of the lines (unknown items and other sellers' goods, net of undos). Damaged: the clerk's
 * `damagedUnits` on a line's 'damaged' reason; a station older than that field sent none, and then the line's
 * difference (counted − declared, as a positive number) is taken as its damaged units.
 */
export async function discrepancies(day: Day): Promise<Discrepancy[]> {
  const completed = await bundlesIn(day, 'completed_at').select(['id', 'seller_id', 'completed_at']).execute();
  if (completed.length === 0) return [];
  const bundles = new Map(completed.map((bundle) => [bundle.id, bundle]));
  const ids = [...bundles.keys()];
  const lines = await day.db.selectFrom('inbound_lines').select(['id', 'bundle_id', 'sku', 'quantity', 'counted']).where('bundle_id', 'in', ids).execute();
  const findings = await day.db
    .selectFrom('inspection_findings')
    .leftJoin('station_events', 'station_events.event_id', 'inspection_findings.station_event_id')
    .select([
      'inspection_findings.bundle_id',
      'inspection_findings.kind',
      'inspection_findings.line_id',
      'inspection_findings.code',
      'inspection_findings.quantity',
      'station_events.payload',
    ])
    .where('inspection_findings.bundle_id', 'in', ids)
    .where((eb) => eb.or([eb('inspection_findings.kind', '!=', 'line-reason'), eb('inspection_findings.code', '=', 'damaged')]))
    .execute();

  const out: Discrepancy[] = [];
  const lineSku = new Map(lines.map((line) => [line.id, line.sku]));
  for (const line of lines) {
    const bundle = bundles.get(line.bundle_id!)!;
    const difference = (line.counted ?? 0) - line.quantity;
    if (difference === 0) continue;
    out.push({
      kind: difference < 0 ? 'short' : 'over',
      bundleId: bundle.id,
      sellerId: bundle.seller_id,
      code: line.sku,
      units: Math.abs(difference),
      at: bundle.completed_at!,
    });
  }
  const unknown = new Map<string, Discrepancy>();
  for (const finding of findings) {
    const bundle = bundles.get(finding.bundle_id)!;
    if (finding.kind === 'line-reason') {
      const units = damagedUnitsOf(finding.payload, finding.line_id) ?? Math.abs(finding.quantity);
      if (units > 0)
        out.push({
          kind: 'damaged',
          bundleId: bundle.id,
          sellerId: bundle.seller_id,
          code: lineSku.get(finding.line_id ?? '') ?? '',
          units,
          at: bundle.completed_at!,
        });
      continue;
    }
    // Finds and their undos, netted per bundle and code.
    const key = `${bundle.id}\u0000${finding.code}`;
    const entry = unknown.get(key) ?? {
      kind: 'unknown' as const,
      bundleId: bundle.id,
      sellerId: bundle.seller_id,
      code: finding.code,
      units: 0,
      at: bundle.completed_at!,
    };
    entry.units += finding.quantity;
    unknown.set(key, entry);
  }
  out.push(...[...unknown.values()].filter((entry) => entry.units > 0));
  return out.sort(
    (a, b) =>
      a.at.localeCompare(b.at) || a.bundleId.localeCompare(b.bundleId) || a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code) || a.units - b.units,
  );
}

/** The `damagedUnits` the finishing event gave the line, if it gave any. */
function damagedUnitsOf(payload: string | null, lineId: string | null): number | null {
  if (!payload || !lineId) return null;
  try {
    const reasons = (JSON.parse(payload) as { reasons?: { lineId?: unknown; damagedUnits?: unknown }[] }).reasons ?? [];
    const units = reasons.find((reason) => reason.lineId === lineId)?.damagedUnits;
    return typeof units === 'number' ? units : null;
  } catch {
    return null;
  }
}

/**
 * Bundles not completed as of the day's end (or now): still open, or (for a past day) completed after it. Rejected
 * bundles are out of the count. A past day looks back `lookBackDays` for bundles completed after it.
 */
async function openAtDayEnd(day: Day): Promise<{ id: string; seller_id: string; arrived_at: string }[]> {
  let open = day.db.selectFrom('cargo_bundles').select(['id', 'seller_id', 'arrived_at']).where('state', '=', 'arrived').where('arrived_at', '<', day.until);
  if (day.branchCode) open = open.where('branch_code', '=', day.branchCode);
  const rows = await open.execute();
  if (!day.running) {
    let later = day.db
      .selectFrom('cargo_bundles')
      .select(['id', 'seller_id', 'arrived_at'])
      .where('arrived_at', '>=', daysBefore(day, lookBackDays))
      .where('arrived_at', '<', day.until)
      .where('completed_at', '>=', day.until);
    if (day.branchCode) later = later.where('branch_code', '=', day.branchCode);
    rows.push(...(await later.execute()));
  }
  return rows.filter((row): row is { id: string; seller_id: string; arrived_at: string } => row.arrived_at !== null);
}

/** Late bundles (past their limit, not completed by the day's end or now) and those whose limit ends this day. */
export async function deadlineBundles(day: Day): Promise<{ late: DeadlineBundle[]; dueToday: DeadlineBundle[] }> {
  const rows = (await openAtDayEnd(day)).sort((a, b) => a.arrived_at.localeCompare(b.arrived_at) || a.id.localeCompare(b.id));
  const late: DeadlineBundle[] = [];
  const dueToday: DeadlineBundle[] = [];
  for (const row of rows) {
    const deadline = inspectionDeadline(row.arrived_at).toISOString();
    const bundle = { bundleId: row.id, sellerId: row.seller_id, arrivedAt: row.arrived_at, deadline };
    if (isInspectionLate(row.arrived_at, day.asOf)) late.push(bundle);
    else if (deadline >= day.from && deadline < day.until) dueToday.push(bundle);
  }
  return { late, dueToday };
}

export async function inboundCounts(day: Day): Promise<InboundCounts> {
  const countOf = async (query: ReturnType<typeof bundlesIn>) => num((await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const [arrived, completed, rejected, held, units, inspected, found, deadlines] = await Promise.all([
    countOf(bundlesIn(day, 'arrived_at')),
    countOf(bundlesIn(day, 'completed_at')),
    countOf(bundlesRejected(day)),
    bundlesHeld(day).select(['id', 'seller_id', 'hold_reason']).orderBy('arrived_at').orderBy('id').execute(),
    inboundMovements(day)
      .select(sql<number | null>`sum(quantity)`.as('units'))
      .executeTakeFirstOrThrow(),
    bundlesInspected(day),
    discrepancies(day),
    deadlineBundles(day),
  ]);
  const sum = (kind: Discrepancy['kind']) => found.filter((entry) => entry.kind === kind).reduce((total, entry) => total + entry.units, 0);
  return {
    bundlesArrived: arrived,
    bundlesInspected: inspected.length,
    bundlesCompleted: completed,
    bundlesHeld: held.map((row) => ({ bundleId: row.id, sellerId: row.seller_id, reason: row.hold_reason ?? '' })),
    bundlesRejected: rejected,
    unitsCounted: Math.max(0, num(units.units)),
    discrepancies: { short: sum('short'), over: sum('over'), unknown: sum('unknown'), damaged: sum('damaged') },
    lateBundles: deadlines.late,
    dueToday: deadlines.dueToday,
  };
}
