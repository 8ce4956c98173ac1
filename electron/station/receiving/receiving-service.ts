import type { FloorEventKind } from '../../../shared/contract/floor-events';
import type { BundleSummary, DockArrival, InspectionScanResult, InspectionView, ReceivingRefusal } from '../../../shared/contract/receiving';
import type { StationStore } from '../store/station-store';
import { parseBoxCode } from './bundle-code';
import { tallyInspection, type InspectionTally } from './inspection-tally';
import { resolveSku, type CachedSku } from '../catalog/resolve-sku';

interface CachedBundle {
  id: string;
  sellerId: string;
  branchCode: string;
  state: string;
  estimatedArrival: string;
  boxCount: number | null;
  boxesReceived: number;
  late: boolean;
  holdReason: string | null;
  lines: { id: string; sku: string; quantity: number; description: string | null; counted: number | null }[];
}

interface CachedItem {
  code: string;
  name: string;
}

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

  expected(): BundleSummary[] {
    return this.deps.store
      .cached<CachedBundle>('bundle')
      .filter((bundle) => bundle.branchCode === this.deps.branchCode)
      .map((bundle) => this.summary(bundle))
      .filter((bundle) => ['confirmed', 'shipped', 'arrived'].includes(bundle.state))
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
    const bundle = parsed ? this.deps.store.cachedOne<CachedBundle>('bundle', parsed.bundleId) : null;
    if (!parsed || !bundle) return refuse('unknown-bundle');
    if (bundle.branchCode !== this.deps.branchCode) return refuse('bundle-other-branch');
    if (parsed.sellerId && parsed.sellerId !== bundle.sellerId) return refuse('bundle-wrong-seller', bundle);
    if (this.effectiveState(bundle) !== 'shipped') return refuse('bundle-wrong-state', bundle);
    this.deps.record('bundle.arrived', { bundleId: bundle.id, boxesReceived: boxesReceived ?? bundle.boxCount ?? 1 }, userId);
    return { accepted: true, refusal: null, state: 'arrived', bundle: this.summary(bundle) };
  }

  open(bundleId: string): InspectionView {
    return this.view(this.inspectable(bundleId));
  }

  scan(bundleId: string, code: string, userId: string | null): InspectionScanResult {
    const bundle = this.inspectable(bundleId);
    const refused = (refusal: ReceivingRefusal): InspectionScanResult => ({ verdict: 'refused', refusal, lineId: null, view: this.view(bundle) });
    const tally = this.tally(bundleId);
    if (tally.finished) return { verdict: 'refused', refusal: 'inspection-finished', lineId: null, view: this.view(bundle, this.blind(), tally) };
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
    return { verdict: counted > line.quantity ? 'over' : 'counted', refusal: null, lineId: line.id, view };
  }

  key(bundleId: string, lineId: string, count: number, userId: string | null): InspectionScanResult {
    const bundle = this.inspectable(bundleId);
    const line = bundle.lines.find((candidate) => candidate.id === lineId);
    if (!line) return { verdict: 'refused', refusal: 'not-in-bundle', lineId: null, view: this.view(bundle) };
    const tally = this.tally(bundleId);
    if (tally.finished) return { verdict: 'refused', refusal: 'inspection-finished', lineId, view: this.view(bundle, this.blind(), tally) };
    const delta = count - (tally.counted.get(lineId) ?? 0);
    if (delta !== 0) this.deps.record('inspection.counted', { bundleId, lineId, quantity: delta, source: 'key' }, userId);
    // Nothing written: the tally read above is still the bundle's.
    return { verdict: count > line.quantity ? 'over' : 'counted', refusal: null, lineId, view: delta === 0 ? this.view(bundle, this.blind(), tally) : this.view(bundle) };
  }

  undo(bundleId: string, userId: string | null): InspectionScanResult {
    const bundle = this.inspectable(bundleId);
    const tally = this.tally(bundleId);
    const lineId = tally.undoable.at(-1);
    if (tally.finished || !lineId) return { verdict: 'refused', refusal: tally.finished ? 'inspection-finished' : 'nothing-to-undo', lineId: null, view: this.view(bundle, this.blind(), tally) };
    this.deps.record('inspection.counted', { bundleId, lineId, quantity: -1, source: 'undo' }, userId);
    return { verdict: 'counted', refusal: null, lineId, view: this.view(bundle) };
  }

  finish(bundleId: string, reasons: { lineId: string; reason: 'short' | 'over' | 'damaged' | 'mixed' | 'other'; note: string | null }[], userId: string | null): InspectionView {
    const bundle = this.inspectable(bundleId);
    const tally = this.tally(bundleId);
    if (tally.finished) return this.view(bundle, this.blind(), tally);
    const view = this.view(bundle, false, tally);
    // Every line that came out over or short carries a reason; the clerk's own, or the plain fact.
    const given = new Map(reasons.map((reason) => [reason.lineId, reason]));
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
        sellerSkuCode: this.deps.store.cachedOne<CachedSku>('sku', line.sku)?.sellerSkuCode ?? null,
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
    const bundle = this.deps.store.cachedOne<CachedBundle>('bundle', bundleId);
    if (!bundle || bundle.branchCode !== this.deps.branchCode) throw new ReceivingRefused('unknown-bundle');
    const state = this.effectiveState(bundle);
    if (state !== 'arrived' && state !== 'completed') throw new ReceivingRefused('bundle-not-arrived');
    return bundle;
  }

  /** The hub's state, moved on by this station's own dock scans that the hub has not confirmed yet. */
  private effectiveState(bundle: CachedBundle): string {
    if (bundle.state !== 'shipped' && bundle.state !== 'confirmed') return bundle.state;
    const arrived = this.deps.store.bundleEvents(['bundle.arrived'], bundle.id).some((entry) => entry.state !== 'rejected');
    return arrived ? 'arrived' : bundle.state;
  }

  private tally(bundleId: string) {
    return tallyInspection(bundleId, this.deps.store.bundleEvents(inspectionKinds, bundleId));
  }

  private summary(bundle: CachedBundle): BundleSummary {
    return {
      id: bundle.id,
      sellerId: bundle.sellerId,
      state: this.effectiveState(bundle),
      estimatedArrival: bundle.estimatedArrival,
      boxCount: bundle.boxCount,
      boxesReceived: bundle.boxesReceived,
      lineCount: bundle.lines.length,
      units: bundle.lines.reduce((sum, line) => sum + line.quantity, 0),
      late: bundle.late,
      holdReason: bundle.holdReason,
    };
  }

  /** `tally` may be passed in when the caller has just read it and written nothing since. */
  private view(bundle: CachedBundle, hideExpected = this.blind(), tally: InspectionTally = this.tally(bundle.id)): InspectionView {
    const lines = bundle.lines.map((line) => {
      const sku = this.deps.store.cachedOne<CachedSku>('sku', line.sku);
      const item = sku ? this.deps.store.cachedOne<CachedItem>('inventory-item', sku.inventoryCode) : null;
      const counted = tally.counted.get(line.id) ?? 0;
      const status: InspectionView['lines'][number]['status'] =
        counted === 0 ? (tally.finished ? 'short' : 'pending') : counted === line.quantity ? 'ok' : counted > line.quantity ? 'over' : tally.finished ? 'short' : 'counting';
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
    return {
      bundle: this.summary(bundle),
      blind: hideExpected,
      finished: tally.finished,
      lines,
      findings: tally.findings.map(({ code, kind, quantity }) => ({ code, kind, quantity })),
      totals: { expected: hideExpected && !tally.finished ? null : expected, counted: lines.reduce((sum, line) => sum + line.counted, 0) },
      canUndo: !tally.finished && tally.undoable.length > 0,
    };
  }
}

/** A refusal that ends the call (the bundle cannot be inspected at all), reported to the screen as a code. */
export class ReceivingRefused extends Error {
  constructor(readonly refusal: ReceivingRefusal) {
    super(refusal);
    this.name = 'ReceivingRefused';
  }
}
