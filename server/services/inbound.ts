import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { checkBundleTransition, checkBundleTransitionBy, type BundleActor, type BundleState } from '../../shared/domain/bundle-states';
import type { InboundFees } from '../../shared/domain/fees';
import { inspectionDeadline, isInspectionLate } from '../../shared/domain/inbound-deadline';
import { addDays, tokyoDate, type TokyoDate } from '../../shared/domain/tokyo-time';
import { notFound, refuse, Refusal } from './refusal';
import type { CargoBundlesTable, HubDatabase, InboundLinesTable } from '../storage/schema';
import { recordChange } from './changes';
import { chargeSeller, quoteInboundFees } from './fees';
import { withFreshCode } from './inventory/inventory-codes';
import { findOption, requireSeller } from './inventory/inventory-lookups';
import { postMovement } from './stock-ledger';

/**
 * Inbound (入库): the lines a seller announces, the cargo bundles they travel in, and the bundle's way from
 * requested to completed, where inspection posts the counted units to stock and the fees to the seller's balance.
 */

type Db = Kysely<HubDatabase>;
type Trx = Transaction<HubDatabase>;
type LineRow = Selectable<InboundLinesTable>;
type BundleRow = Selectable<CargoBundlesTable>;

/** Who a caller may see: a seller user its own seller, a station its own branch; null means no limit. */
export interface BundleScope {
  onlySeller: string | null;
  onlyBranch: string | null;
}

export interface InboundLineInput {
  sku: string;
  quantity: number;
  branchCode: string;
  description?: string | null;
}

export interface InboundLineView {
  id: string;
  sellerId: string;
  sku: string;
  branchCode: string;
  quantity: number;
  description: string | null;
  bundleId: string | null;
  counted: number | null;
  createdAt: string;
}

export interface BundleView {
  id: string;
  sellerId: string;
  branchCode: string;
  state: BundleState;
  estimatedArrival: string;
  carrier: string | null;
  trackingNo: string | null;
  boxCount: number | null;
  boxesReceived: number;
  arrivedAt: string | null;
  completedAt: string | null;
  holdReason: string | null;
  rejectReason: string | null;
  /** Inspection finished (or is still open) after the 3-day limit. */
  late: boolean;
  inspectionDeadline: string | null;
  createdAt: string;
  updatedAt: string;
  lines: { id: string; sku: string; quantity: number; description: string | null; counted: number | null }[];
}

export interface LineCount {
  lineId: string;
  counted: number;
  /** Of the counted units, how many the warehouse labelled; the rest arrived with the seller's own label. */
  unitsToLabel?: number;
  /** Of the counted units, how many are damaged: held as damaged stock, the rest is sellable. */
  damaged?: number;
}

export type CompletionOutcome = { completed: true; bundle: BundleView; fees: InboundFees } | { completed: false; bundle: BundleView; refusal: Refusal };

const lastBundleNumber = 99_999_999;
/** An estimated arrival may be yesterday (a bundle registered after the truck left), never earlier. */
const arrivalDaysBack = 1;
const arrivalDaysAhead = 365;

// ---------------------------------------------------------------------------------------------- inbound lines

export type LineRegistration = { ok: true; lines: InboundLineView[] } | { ok: false; problems: { index: number; refusal: Refusal }[] };

/**
 * Registers lines all or nothing: every line is checked first and every refusal reported, so a seller fixing a
 * batch sees all its problems at once. A line's SKU must be the seller's, with separate inventory management on.
 */
/** Rows per INSERT: nine columns each stays well under SQLite's parameter limit. */
const insertChunk = 1000;

export async function registerInboundLines(trx: Trx, sellerId: string, lines: readonly InboundLineInput[], now = new Date()): Promise<LineRegistration> {
  await requireSeller(trx, sellerId);
  const branches = new Set((await trx.selectFrom('branches').select('code').execute()).map((row) => row.code));
  const problems: { index: number; refusal: Refusal }[] = [];
  // A spreadsheet repeats SKUs; each is looked up once.
  const skuRefusals = new Map<string, Refusal | null>();
  for (const [index, line] of lines.entries()) {
    if (!skuRefusals.has(line.sku)) skuRefusals.set(line.sku, await skuRefusal(trx, sellerId, line.sku));
    const refusal = skuRefusals.get(line.sku) ?? (branches.has(line.branchCode) ? null : notFound('branch', line.branchCode));
    if (refusal) problems.push({ index, refusal });
  }
  if (problems.length > 0) return { ok: false, problems };
  const rows: LineRow[] = lines.map((line, index) => ({
    id: lineId(now, index),
    seller_id: sellerId,
    sku: line.sku,
    branch_code: line.branchCode,
    quantity: line.quantity,
    description: line.description ?? null,
    bundle_id: null,
    counted: null,
    created_at: now.toISOString(),
  }));
  // SQLite caps the parameters of one statement (32,766): a 10,000-line spreadsheet goes in as several inserts.
  for (let start = 0; start < rows.length; start += insertChunk)
    await trx
      .insertInto('inbound_lines')
      .values(rows.slice(start, start + insertChunk))
      .execute();
  return { ok: true, lines: rows.map(lineView) };
}

export async function listInboundLines(
  db: Db,
  filter: { sellerId: string | null; unbundled: boolean; limit: number; offset: number },
): Promise<InboundLineView[]> {
  let query = db.selectFrom('inbound_lines').selectAll().orderBy('created_at').orderBy('id').limit(filter.limit).offset(filter.offset);
  if (filter.sellerId) query = query.where('seller_id', '=', filter.sellerId);
  if (filter.unbundled) query = query.where('bundle_id', 'is', null);
  return (await query.execute()).map(lineView);
}

export async function deleteInboundLine(trx: Trx, id: string, onlySeller: string | null): Promise<void> {
  const line = await trx.selectFrom('inbound_lines').selectAll().where('id', '=', id).executeTakeFirst();
  if (!line || (onlySeller !== null && line.seller_id !== onlySeller)) throw notFound('inbound line', id);
  if (line.bundle_id) throw refuse('line-already-bundled', { id, bundle: line.bundle_id });
  // Guarded: a bundle created meanwhile may have taken the line.
  const removed = await trx.deleteFrom('inbound_lines').where('id', '=', id).where('bundle_id', 'is', null).executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw refuse('line-already-bundled', { id, bundle: '?' });
}

// ---------------------------------------------------------------------------------------------- bundles: create and read

export async function createBundle(
  db: Db,
  sellerId: string,
  input: { lineIds: readonly string[]; estimatedArrival: TokyoDate },
  now = new Date(),
): Promise<BundleView> {
  checkEstimatedArrival(input.estimatedArrival, now);
  return withFreshCode(true, () =>
    db.transaction().execute(async (trx) => {
      await requireSeller(trx, sellerId);
      const lines = await trx
        .selectFrom('inbound_lines')
        .selectAll()
        .where('id', 'in', [...input.lineIds])
        .execute();
      for (const id of input.lineIds) {
        const line = lines.find((row) => row.id === id);
        if (!line || line.seller_id !== sellerId) throw notFound('inbound line', id);
        if (line.bundle_id) throw refuse('line-already-bundled', { id, bundle: line.bundle_id });
      }
      const branchCodes = [...new Set(lines.map((line) => line.branch_code))];
      if (branchCodes.length !== 1) throw refuse('bundle-mixed-branches', { branches: branchCodes.join(', ') });
      const stamp = now.toISOString();
      const bundle: BundleRow = {
        id: await nextBundleId(trx),
        seller_id: sellerId,
        branch_code: branchCodes[0]!,
        state: 'requested',
        estimated_arrival: input.estimatedArrival,
        carrier: null,
        tracking_no: null,
        box_count: null,
        boxes_received: 0,
        arrived_at: null,
        completed_at: null,
        hold_reason: null,
        reject_reason: null,
        created_at: stamp,
        updated_at: stamp,
      };
      await trx.insertInto('cargo_bundles').values(bundle).execute();
      const taken = await trx
        .updateTable('inbound_lines')
        .set({ bundle_id: bundle.id })
        .where('id', 'in', [...input.lineIds])
        .where('bundle_id', 'is', null)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== input.lineIds.length) throw refuse('line-already-bundled', { id: input.lineIds.join(', '), bundle: '?' });
      return recordBundleChange(trx, bundle, now);
    }),
  );
}

export async function getBundle(db: Db, id: string, scope: BundleScope, now = new Date()): Promise<BundleView> {
  const bundle = await findBundle(db, id, scope);
  return (await bundleViews(db, [bundle], now))[0]!;
}

export async function listBundles(
  db: Db,
  filter: { sellerId: string | null; branchCode: string | null; state?: BundleState; limit: number; offset: number },
  now = new Date(),
): Promise<BundleView[]> {
  let query = db.selectFrom('cargo_bundles').selectAll().orderBy('id').limit(filter.limit).offset(filter.offset);
  if (filter.sellerId) query = query.where('seller_id', '=', filter.sellerId);
  if (filter.branchCode) query = query.where('branch_code', '=', filter.branchCode);
  if (filter.state) query = query.where('state', '=', filter.state);
  return bundleViews(db, await query.execute(), now);
}

// ---------------------------------------------------------------------------------------------- bundles: transitions

export async function confirmBundle(trx: Trx, id: string, scope: BundleScope, now = new Date()): Promise<BundleView> {
  return moveBundle(trx, await findBundle(trx, id, scope), 'confirmed', 'warehouse', {}, now);
}

export async function shipBundle(
  trx: Trx,
  id: string,
  scope: BundleScope,
  shipment: { carrier: string; trackingNo: string; boxCount: number },
  now = new Date(),
): Promise<BundleView> {
  const set = { carrier: shipment.carrier, tracking_no: shipment.trackingNo, box_count: shipment.boxCount };
  return moveBundle(trx, await findBundle(trx, id, scope), 'shipped', 'seller', set, now);
}

/** `arrival.arrivedAt`: when the boxes were scanned at the dock (a floor event's time), else `now`. */
export async function arriveBundle(
  trx: Trx,
  id: string,
  scope: BundleScope,
  arrival: { boxesReceived: number; arrivedAt?: Date },
  now = new Date(),
): Promise<BundleView> {
  const set = { boxes_received: arrival.boxesReceived, arrived_at: (arrival.arrivedAt ?? now).toISOString() };
  return moveBundle(trx, await findBundle(trx, id, scope), 'arrived', 'warehouse', set, now);
}

export async function rejectBundle(trx: Trx, id: string, scope: BundleScope, rejection: { reason: string }, now = new Date()): Promise<BundleView> {
  return moveBundle(trx, await findBundle(trx, id, scope), 'rejected', 'warehouse', { reject_reason: rejection.reason }, now);
}

/**
 * Ends quantity inspection: the counted units go to stock and the in-housing and labelling fees to the seller's
 * balance, together or not at all. When the fees cannot be charged the bundle is held instead: it stays arrived
 * with the reason recorded, and the caller commits that and reports the refusal.
 */
export async function completeBundle(
  trx: Trx,
  id: string,
  scope: BundleScope,
  counts: readonly LineCount[],
  now = new Date(),
  completedAt = now,
): Promise<CompletionOutcome> {
  const bundle = await findBundle(trx, id, scope);
  refuseIllegal(bundle, 'completed', 'warehouse');
  const lines = await trx.selectFrom('inbound_lines').selectAll().where('bundle_id', '=', id).orderBy('created_at').orderBy('id').execute();
  const countByLine = matchCounts(lines, counts);
  const counted = lines.map((line) => {
    const count = countByLine.get(line.id)!;
    return { line, sku: line.sku, counted: count.counted, unitsToLabel: count.unitsToLabel ?? count.counted, damaged: count.damaged ?? 0 };
  });

  const quote = await quoteInboundFees(trx, bundle.branch_code, counted);
  if (!quote.ok) return hold(trx, bundle, new Refusal(quote.reason, { id, sku: quote.sku }), now);
  const { fees } = quote;
  const charge = await chargeSeller(
    trx,
    bundle.seller_id,
    [
      { kind: 'in-housing', amountJpy: fees.inHousing },
      { kind: 'labelling', amountJpy: fees.skuLabelling },
    ],
    id,
    now,
  );
  if (!charge.ok) {
    const amounts = { id, inHousing: fees.inHousing, labelling: fees.skuLabelling, total: fees.total, balance: charge.balance };
    return hold(trx, bundle, new Refusal(charge.reason, amounts, amounts), now);
  }

  for (const { line, counted: units, damaged } of counted) {
    await trx.updateTable('inbound_lines').set({ counted: units }).where('id', '=', line.id).execute();
    // Received as counted: the damaged units into damaged stock, the rest sellable. Nothing counted is nothing
    // received: the ledger has no zero movements.
    const received = {
      sku: line.sku,
      branchCode: bundle.branch_code,
      kind: 'inbound',
      reference: id,
      sellerId: bundle.seller_id,
      occurredAt: completedAt,
    } as const;
    if (units - damaged > 0) await postMovement(trx, { ...received, quantity: units - damaged }, now);
    if (damaged > 0) await postMovement(trx, { ...received, quantity: damaged, condition: 'damaged' }, now);
  }
  const completed = await moveBundle(trx, bundle, 'completed', 'warehouse', { completed_at: completedAt.toISOString(), hold_reason: null }, now);
  return { completed: true, bundle: completed, fees };
}

// ---------------------------------------------------------------------------------------------- internals

/** Why the seller may not send this SKU in: not its own (or no such SKU), or separate inventory management off. */
async function skuRefusal(trx: Trx, sellerId: string, sku: string): Promise<Refusal | null> {
  try {
    const { option, separateInventory } = await findOption(trx, sku, sellerId);
    return separateInventory ? null : refuse('separate-inventory-required', { sku, code: option.inventory_code });
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
}

/**
 * A UUID (version 7 layout) that sorts by creation time and then by position in the batch, so a bundle lists its
 * lines in the order the seller entered them even when a whole spreadsheet arrived in the same millisecond.
 */
function lineId(now: Date, index: number): string {
  const time = now.getTime().toString(16).padStart(12, '0');
  const random = randomBytes(8).toString('hex');
  const variant = ((parseInt(random[0]!, 16) & 0x3) | 0x8).toString(16);
  const position = (index & 0xfff).toString(16).padStart(3, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${position}-${variant}${random.slice(1, 4)}-${random.slice(4, 16)}`;
}

function checkEstimatedArrival(date: TokyoDate, now: Date): void {
  const today = tokyoDate(now);
  const earliest = addDays(today, -arrivalDaysBack);
  const latest = addDays(today, arrivalDaysAhead);
  if (date < earliest) throw refuse('arrival-date-in-past', { date, earliest });
  if (date > latest) throw refuse('arrival-date-too-far', { date, latest });
}

async function nextBundleId(trx: Trx): Promise<string> {
  // Written on the boxes and read at the dock: short, fixed width, so text order is number order.
  const { highest } = await trx
    .selectFrom('cargo_bundles')
    .select((eb) => eb.fn.max('id').as('highest'))
    .executeTakeFirstOrThrow();
  const next = highest ? Number(highest.slice(2)) + 1 : 1;
  if (next > lastBundleNumber) throw refuse('bundle-numbers-exhausted');
  return `IB${String(next).padStart(8, '0')}`;
}

async function findBundle(db: Db, id: string, scope: BundleScope): Promise<BundleRow> {
  const bundle = await db.selectFrom('cargo_bundles').selectAll().where('id', '=', id).executeTakeFirst();
  const outside =
    bundle && ((scope.onlySeller !== null && bundle.seller_id !== scope.onlySeller) || (scope.onlyBranch !== null && bundle.branch_code !== scope.onlyBranch));
  if (!bundle || outside) throw notFound('bundle', id);
  return bundle;
}

function refuseIllegal(bundle: BundleRow, to: BundleState, by: BundleActor): void {
  const check = checkBundleTransitionBy(bundle.state as BundleState, to, by);
  if (!check.ok) throw refuse(check.reason, { id: bundle.id, from: bundle.state, to });
}

/** One state change: checked by the domain rule, applied only if nobody moved the bundle meanwhile, and fed to stations. */
async function moveBundle(trx: Trx, bundle: BundleRow, to: BundleState, by: BundleActor, set: Updateable<CargoBundlesTable>, now: Date): Promise<BundleView> {
  refuseIllegal(bundle, to, by);
  const updatedAt = now.toISOString();
  const moved = await trx
    .updateTable('cargo_bundles')
    .set({ ...set, state: to, updated_at: updatedAt })
    .where('id', '=', bundle.id)
    .where('state', '=', bundle.state)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) {
    // Another request moved it first; explain from where it is now.
    const current = await trx.selectFrom('cargo_bundles').select('state').where('id', '=', bundle.id).executeTakeFirstOrThrow();
    const check = checkBundleTransition(current.state as BundleState, to);
    throw refuse(check.ok ? 'illegal-transition' : check.reason, { id: bundle.id, from: current.state, to });
  }
  const updated = await trx.selectFrom('cargo_bundles').selectAll().where('id', '=', bundle.id).executeTakeFirstOrThrow();
  return recordBundleChange(trx, updated, now);
}

async function hold(trx: Trx, bundle: BundleRow, refusal: Refusal, now: Date): Promise<CompletionOutcome> {
  await trx
    .updateTable('cargo_bundles')
    .set({ hold_reason: refusal.code, updated_at: now.toISOString() })
    .where('id', '=', bundle.id)
    .where('state', '=', 'arrived')
    .execute();
  const updated = await trx.selectFrom('cargo_bundles').selectAll().where('id', '=', bundle.id).executeTakeFirstOrThrow();
  return { completed: false, bundle: await recordBundleChange(trx, updated, now), refusal };
}

/** Every line of the bundle counted exactly once, and nothing else. */
function matchCounts(lines: readonly LineRow[], counts: readonly LineCount[]): Map<string, LineCount> {
  const byLine = new Map<string, LineCount>();
  const lineIds = new Set(lines.map((line) => line.id));
  for (const count of counts) {
    if (!lineIds.has(count.lineId)) throw refuse('line-not-in-bundle', { id: count.lineId });
    if (byLine.has(count.lineId)) throw refuse('line-counted-twice', { id: count.lineId });
    if ((count.unitsToLabel ?? 0) > count.counted)
      throw refuse('labels-over-counted', { id: count.lineId, counted: count.counted, labelled: count.unitsToLabel! });
    if ((count.damaged ?? 0) > count.counted) throw refuse('damaged-over-counted', { id: count.lineId, counted: count.counted, damaged: count.damaged! });
    byLine.set(count.lineId, count);
  }
  const missing = lines.filter((line) => !byLine.has(line.id)).map((line) => line.id);
  if (missing.length > 0) throw refuse('counts-incomplete', { ids: missing.join(', ') });
  return byLine;
}

async function recordBundleChange(trx: Trx, bundle: BundleRow, now: Date): Promise<BundleView> {
  const view = (await bundleViews(trx, [bundle], now))[0]!;
  await recordBundleView(trx, view, now);
  return view;
}

/** Tells the stations of the bundle's branch (and its seller) how the bundle stands now. */
export async function recordBundleView(trx: Trx, view: BundleView, now: Date): Promise<void> {
  await recordChange(trx, { entity: 'bundle', entityId: view.id, op: 'upsert', branchCode: view.branchCode, sellerId: view.sellerId, data: view }, now);
}

async function bundleViews(db: Db, bundles: readonly BundleRow[], now: Date): Promise<BundleView[]> {
  if (bundles.length === 0) return [];
  const lines = await db
    .selectFrom('inbound_lines')
    .selectAll()
    .where(
      'bundle_id',
      'in',
      bundles.map((bundle) => bundle.id),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return bundles.map((bundle) => ({
    id: bundle.id,
    sellerId: bundle.seller_id,
    branchCode: bundle.branch_code,
    state: bundle.state as BundleState,
    estimatedArrival: bundle.estimated_arrival,
    carrier: bundle.carrier,
    trackingNo: bundle.tracking_no,
    boxCount: bundle.box_count,
    boxesReceived: bundle.boxes_received,
    arrivedAt: bundle.arrived_at,
    completedAt: bundle.completed_at,
    holdReason: bundle.hold_reason,
    rejectReason: bundle.reject_reason,
    late: isLate(bundle, now),
    inspectionDeadline: bundle.arrived_at ? inspectionDeadline(bundle.arrived_at).toISOString() : null,
    createdAt: bundle.created_at,
    updatedAt: bundle.updated_at,
    lines: lines
      .filter((line) => line.bundle_id === bundle.id)
      .map((line) => ({ id: line.id, sku: line.sku, quantity: line.quantity, description: line.description, counted: line.counted })),
  }));
}

function isLate(bundle: BundleRow, now: Date): boolean {
  if (!bundle.arrived_at || (bundle.state !== 'arrived' && bundle.state !== 'completed')) return false;
  return isInspectionLate(bundle.arrived_at, bundle.completed_at ?? now);
}

function lineView(row: LineRow): InboundLineView {
  return {
    id: row.id,
    sellerId: row.seller_id,
    sku: row.sku,
    branchCode: row.branch_code,
    quantity: row.quantity,
    description: row.description,
    bundleId: row.bundle_id,
    counted: row.counted,
    createdAt: row.created_at,
  };
}
