import { StationFailure } from '../../../shared/contract/errors';
import type { FloorEventKind } from '../../../shared/contract/floor-events';
import type { BundleSummary, DockArrival, InspectionScanResult, InspectionView, ReceivingRefusal } from '../../../shared/contract/receiving';
import type { StationStore } from '../store/station-store';
import type { FeedView } from '../../../shared/hub/feed';
import { parseBoxCode } from './bundle-code';
import { tallyInspection, type InspectionTally } from './inspection-tally';
import { overlayBundle } from '../overlay/floor-overlay';
import { resolveSku } from '../catalog/resolve-sku';
import { sellerName } from '../catalog/seller-name';
import { checkBundleTransition, type BundleState } from '../../../shared/domain/bundle-states';

/** A bundle as the hub's changes feed carries it (entity `bundle`, schema in shared/hub/feed.ts). */
type CachedBundle = FeedView<'bundle'>;

const inspectionKinds = ['inspection.counted', 'inspection.found', 'inspection.finished'] as const;
const blindSetting = 'inspection.blind';

export interface ReceivingDeps {
  store: StationStore;
  branchCode: string;
  /** Appends a floor event to the durable outbox (and wakes the sync); returns once it is on disk. */
  record(kind: FloorEventKind, payload: unknown, userId: string | null): void;
}

/**
 * The dock and the inspection table of one station. It answers from the station's own data — the bundles and SKUs
 * pulled from the hub, and its outbox — so the floor keeps working while the hub is away; every count is an outbox
 * event before the screen shows it.
 */
export class ReceivingService {
  constructor(private readonly deps: ReceivingDeps) {}

  /**
   * The branch's bundles the dock and inspection work on, in the order they are expected (estimated arrival, then
   * id): requested and confirmed ones too, each saying what it waits for, since a bundle due today that the
   * warehouse has not confirmed is exactly what a clerk must be able to see and chase.
   */
  expected(): BundleSummary[] {
    return this.deps.store
      .cached('bundle')
      .filter((bundle) => bundle.branchCode === this.deps.branchCode)
      .map((bundle) => this.summary(bundle))
      .filter((bundle) => ['requested', 'confirmed', 'shipped', 'arrived'].includes(bundle.state))
      .sort((a, b) => a.estimatedArrival.localeCompare(b.estimatedArrival) || a.id.localeCompare(b.id));
  }

  arrive(code: string, boxesReceived: number | undefined, userId: string | null): DockArrival {
    const refuse = (refusal: ReceivingRefusal, bundle: CachedBundle | null = null): DockArrival => ({
      accepted: false,
      refusal,
      state: bundle ? this.effectiveState(bundle) : null,
      bundle: bundle ? this.summary(bundle) : null,
    });
    const parsed = parseBoxCode(code);
    const bundle = parsed ? this.deps.store.cachedOne('bundle', parsed.bundleId) : null;
    if (!parsed || !bundle) return refuse('unknown-bundle');
    if (bundle.branchCode !== this.deps.branchCode) return refuse('bundle-other-branch');
    if (parsed.sellerId && parsed.sellerId !== bundle.sellerId) return refuse('bundle-wrong-seller', bundle);
    const state = this.effectiveState(bundle);
    // The hub's own rule (bundle-states): only a shipped bundle may become arrived; say what the others wait for.
    if (!checkBundleTransition(state as BundleState, 'arrived').ok) {
      return refuse(state === 'requested' ? 'bundle-not-confirmed' : state === 'confirmed' ? 'bundle-not-shipped' : 'bundle-wrong-state', bundle);
    }
    this.deps.record('bundle.arrived', { bundleId: bundle.id, boxesReceived: boxesReceived ?? bundle.boxCount ?? 1 }, userId);
    return { accepted: true, refusal: null, state: 'arrived', bundle: this.summary(bundle) };
  }

  open(bundleId: string): InspectionView {
    return this.view(this.inspectable(bundleId));
  }

  scan(bundleId: string, code: string, userId: string | null): InspectionScanResult {
    const bundle = this.inspectable(bundleId);
    const refused = (refusal: ReceivingRefusal): InspectionScanResult => ({ verdict: 'refused', refusal, lineId: null, view: this.view(bundle), undone: null });
    const tally = this.tally(bundleId);
    if (tally.finished) return { verdict: 'refused', refusal: 'inspection-finished', lineId: null, view: this.view(bundle, this.blind(), tally), undone: null };
    const sku = resolveSku(this.deps.store, code.trim(), bundle.sellerId);
    if (!sku) {
      this.deps.record('inspection.found', { bundleId, code: code.trim().slice(0, 128), kind: 'unknown-item', quantity: 1, note: null }, userId);
      return refused('unknown-item');
    }
    if (sku.sellerId !== bundle.sellerId) {
      this.deps.record('inspection.found', { bundleId, code: sku.sku, kind: 'wrong-seller', quantity: 1, note: null }, userId);
      return refused('wrong-seller');
    }
    const line = bundle.lines.find((candidate) => candidate.sku === sku.sku);
    if (!line) {
      this.deps.record('inspection.found', { bundleId, code: sku.sku, kind: 'unknown-item', quantity: 1, note: 'not-in-bundle' }, userId);
      return refused('not-in-bundle');
    }
    this.deps.record('inspection.counted', { bundleId, lineId: line.id, quantity: 1, source: 'scan' }, userId);
    const view = this.view(bundle);
    const counted = view.lines.find((candidate) => candidate.lineId === line.id)?.counted ?? 0;
    return { verdict: counted > line.quantity ? 'over' : 'counted', refusal: null, lineId: line.id, view, undone: null };
  }

  key(bundleId: string, lineId: string, count: number, userId: string | null): InspectionScanResult {
    const bundle = this.inspectable(bundleId);
    const line = bundle.lines.find((candidate) => candidate.id === lineId);
    if (!line) return { verdict: 'refused', refusal: 'not-in-bundle', lineId: null, view: this.view(bundle), undone: null };
    const tally = this.tally(bundleId);
    if (tally.finished) return { verdict: 'refused', refusal: 'inspection-finished', lineId, view: this.view(bundle, this.blind(), tally), undone: null };
    const delta = count - (tally.counted.get(lineId) ?? 0);
    if (delta !== 0) this.deps.record('inspection.counted', { bundleId, lineId, quantity: delta, source: 'key' }, userId);
    // Nothing written: the tally read above is still the bundle's.
    return {
      verdict: count > line.quantity ? 'over' : 'counted',
      refusal: null,
      lineId,
      view: delta === 0 ? this.view(bundle, this.blind(), tally) : this.view(bundle),
      undone: null,
    };
  }

  /**
   * Takes back exactly the last thing done in this inspection, whatever it was: a scanned unit, a keyed count (the
   * line goes back to what it was before) or a find of an unknown or other-seller item (a negative find).
   */
  undo(bundleId: string, userId: string | null): InspectionScanResult {
    const bundle = this.inspectable(bundleId);
    const tally = this.tally(bundleId);
    const step = tally.steps.at(-1);
    if (tally.finished || !step) {
      return {
        verdict: 'refused',
        refusal: tally.finished ? 'inspection-finished' : 'nothing-to-undo',
        lineId: null,
        view: this.view(bundle, this.blind(), tally),
        undone: null,
      };
    }
    if (step.kind === 'count') {
      this.deps.record('inspection.counted', { bundleId, lineId: step.lineId, quantity: -step.quantity, source: 'undo' }, userId);
      return {
        verdict: 'counted',
        refusal: null,
        lineId: step.lineId,
        view: this.view(bundle),
        undone: { lineId: step.lineId, code: null, quantity: step.quantity },
      };
    }
    this.deps.record('inspection.found', { bundleId, code: step.code, kind: step.findKind, quantity: -1, note: 'undo' }, userId);
    return { verdict: 'counted', refusal: null, lineId: null, view: this.view(bundle), undone: { lineId: null, code: step.code, quantity: 1 } };
  }

  finish(
    bundleId: string,
    reasons: { lineId: string; reason: 'short' | 'over' | 'damaged' | 'mixed' | 'other'; note: string | null; damagedUnits?: number }[],
    userId: string | null,
  ): InspectionView {
    const bundle = this.inspectable(bundleId);
    const tally = this.tally(bundleId);
    if (tally.finished) return this.view(bundle, this.blind(), tally);
    const view = this.view(bundle, false, tally);
    // Every line that came out over or short carries a reason; the clerk's own, or the plain fact.
    const given = new Map(reasons.map((reason) => [reason.lineId, damagedOf(reason, view.lines)]));
    const complete = view.lines
      .filter((line) => line.status === 'short' || line.status === 'over' || given.has(line.lineId))
      .map((line) => given.get(line.lineId) ?? { lineId: line.lineId, reason: line.status === 'over' ? ('over' as const) : ('short' as const), note: null });
    this.deps.record('inspection.finished', { bundleId, reasons: complete }, userId);
    return this.view(bundle);
  }

  /** One SKU label per counted unit, for the units of this bundle that go on the shelf. */
  skuLabels(bundleId: string): { sku: string; itemName: string; optionName: string; sellerSkuCode: string | null; copies: number }[] {
    return this.view(this.inspectable(bundleId), false)
      .lines.filter((line) => line.counted > 0)
      .map((line) => ({
        sku: line.sku,
        itemName: line.itemName,
        optionName: line.optionName,
        sellerSkuCode: this.deps.store.cachedOne('sku', line.sku)?.sellerSkuCode ?? null,
        copies: line.counted,
      }));
  }

  /** The report as printed: always with the expected counts, whatever the blind setting. */
  report(bundleId: string): InspectionView {
    return this.view(this.inspectable(bundleId), false);
  }

  blind(): boolean {
    return this.deps.store.setting(blindSetting) === '1';
  }

  setBlind(blind: boolean): boolean {
    this.deps.store.setSetting(blindSetting, blind ? '1' : '0');
    return blind;
  }

  private inspectable(bundleId: string): CachedBundle {
    const bundle = this.deps.store.cachedOne('bundle', bundleId);
    // A bundle that cannot be inspected here ends the call with its reason (the station's one error policy).
    if (!bundle || bundle.branchCode !== this.deps.branchCode) throw new StationFailure('unknown-bundle', `bundle ${bundleId} is not at this branch`);
    const state = this.effectiveState(bundle);
    if (state !== 'arrived' && state !== 'completed') throw new StationFailure('bundle-not-arrived', `bundle ${bundleId} is ${state}, not arrived`);
    return bundle;
  }

  /** The hub's state, moved on by this station's own dock scans that the hub has not confirmed yet. */
  private effectiveState(bundle: CachedBundle): string {
    if (bundle.state !== 'shipped' && bundle.state !== 'confirmed') return bundle.state;
    return overlayBundle(
      bundle,
      this.deps.store.bundleEvents(['bundle.arrived'], bundle.id).filter((entry) => entry.state !== 'rejected'),
    ).state;
  }

  private tally(bundleId: string) {
    return tallyInspection(bundleId, this.deps.store.bundleEvents(inspectionKinds, bundleId));
  }

  private summary(bundle: CachedBundle): BundleSummary {
    const state = this.effectiveState(bundle);
    return {
      id: bundle.id,
      sellerId: bundle.sellerId,
      sellerName: sellerName(this.deps.store, bundle.sellerId),
      state,
      estimatedArrival: bundle.estimatedArrival,
      boxCount: bundle.boxCount,
      boxesReceived: bundle.boxesReceived,
      lineCount: bundle.lines.length,
      units: bundle.lines.reduce((sum, line) => sum + line.quantity, 0),
      late: bundle.late,
      holdReason: bundle.holdReason,
      waitingFor: state === 'requested' ? 'warehouse-confirmation' : state === 'confirmed' ? 'seller-shipment' : null,
    };
  }

  /** `tally` may be passed in when the caller has just read it and written nothing since. */
  private view(bundle: CachedBundle, hideExpected = this.blind(), tally: InspectionTally = this.tally(bundle.id)): InspectionView {
    const lines = bundle.lines.map((line) => {
      const sku = this.deps.store.cachedOne('sku', line.sku);
      const item = sku ? this.deps.store.cachedOne('inventory-item', sku.inventoryCode) : null;
      const counted = tally.counted.get(line.id) ?? 0;
      const status: InspectionView['lines'][number]['status'] =
        counted === 0
          ? tally.finished
            ? 'short'
            : 'pending'
          : counted === line.quantity
            ? 'ok'
            : counted > line.quantity
              ? 'over'
              : tally.finished
                ? 'short'
                : 'counting';
      return {
        lineId: line.id,
        sku: line.sku,
        itemName: item?.name ?? line.sku,
        optionName: sku?.name ?? '',
        jan: sku?.jan ?? null,
        expected: hideExpected && !tally.finished ? null : line.quantity,
        counted,
        // Blind mode must not give the expected count away through the status either.
        status: hideExpected && !tally.finished && status !== 'pending' ? ('counting' as const) : status,
      };
    });
    const expected = bundle.lines.reduce((sum, line) => sum + line.quantity, 0);
    // Short and over are kept apart: 5 missing on one line and 5 too many on another is not "75 / 75".
    const counts = bundle.lines.map((line) => ({ expected: line.quantity, counted: tally.counted.get(line.id) ?? 0 }));
    const short = counts.reduce((sum, line) => sum + Math.max(0, line.expected - line.counted), 0);
    const over = counts.reduce((sum, line) => sum + Math.max(0, line.counted - line.expected), 0);
    const hidden = hideExpected && !tally.finished;
    return {
      bundle: this.summary(bundle),
      blind: hideExpected,
      finished: tally.finished,
      lines,
      findings: this.findings(tally, bundle.sellerId),
      totals: {
        expected: hidden ? null : expected,
        counted: lines.reduce((sum, line) => sum + line.counted, 0),
        short: hidden ? null : short,
        over: hidden ? null : over,
      },
      canUndo: !tally.finished && tally.steps.length > 0,
      inspectors: tally.userIds.map((id) => this.deps.store.cachedOne('user', id)?.name ?? id),
    };
  }

  /** Finds summed per code and kind, with the item and its seller where the catalogue knows the code. */
  private findings(tally: InspectionTally, bundleSellerId: string): InspectionView['findings'] {
    const rows = new Map<string, InspectionView['findings'][number]>();
    for (const finding of tally.findings) {
      const key = `${finding.kind} ${finding.code}`;
      const row = rows.get(key);
      if (row) {
        row.quantity += finding.quantity;
        continue;
      }
      const sku = resolveSku(this.deps.store, finding.code, bundleSellerId);
      const item = sku ? this.deps.store.cachedOne('inventory-item', sku.inventoryCode) : null;
      rows.set(key, {
        code: finding.code,
        kind: finding.kind,
        quantity: finding.quantity,
        sku: sku?.sku ?? null,
        itemName: item?.name ?? null,
        optionName: sku?.name ?? null,
        sellerName: sku ? sellerName(this.deps.store, sku.sellerId) : null,
      });
    }
    return [...rows.values()];
  }
}

/**
 * A line's reason as the event carries it: damaged units only with the reason 'damaged', and never more than the
 * line's counted units (a slip refused, nothing recorded).
 */
function damagedOf<R extends { lineId: string; reason: string; damagedUnits?: number }>(reason: R, lines: readonly { lineId: string; counted: number }[]): R {
  const { damagedUnits, ...rest } = reason;
  if (reason.reason !== 'damaged' || damagedUnits === undefined) return rest as R;
  const counted = lines.find((line) => line.lineId === reason.lineId)?.counted ?? 0;
  if (damagedUnits > counted) throw new StationFailure('bad-input', `damaged units ${damagedUnits} above the ${counted} counted on line ${reason.lineId}`);
  return { ...rest, damagedUnits } as R;
}
