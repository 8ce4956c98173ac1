import { floorEventPayloads, type FloorEventKind } from '../../../shared/contract/floor-events';
import type { Role } from '../../../shared/domain/roles';
import {
  maxCountUnits,
  type StockCountConfirmInput,
  type StockCountConfirmResult,
  type StockCountCode,
  type StockCountItem,
  type StockCountRecord,
  type StockCountRefusal,
  type StockCountTarget,
} from '../../../shared/contract/stock-count';
import { normaliseBinCode } from '../../../shared/domain/bin-locations';
import { countVariance, defaultSecondBadgeAbove, needsSecondBadge, stockCountReasons, type StockCountReason } from '../../../shared/domain/stock-count';
import { resolveSku } from '../catalog/resolve-sku';
import { binsOf } from '../putaway/bin-lookup';
import type { OutboxEntry, StationStore } from '../store/station-store';
import { shelfBooks } from './stock-book';

/** The station setting: units of variance above which a second supervisor's badge is needed. */
export const secondBadgeSetting = 'stockCount.secondBadgeAbove';

/** Whoever a badge belongs to, as the hub (or with the hub away, the station's credential cache) says. */
export interface BadgeHolder {
  id: string;
  name: string;
  role: Role;
}

export interface StockCountDeps {
  store: StationStore;
  branchCode: string;
  /** Appends a floor event to the durable outbox (and wakes the sync); returns once it is on disk. */
  record(kind: FloorEventKind, payload: unknown, userId: string | null): OutboxEntry;
  /** Whose badge this is, without signing anyone in or out at this window; null when unknown. */
  badgeHolder(badge: string, clientId: string): Promise<BadgeHolder | null>;
}

const approverRoles: readonly Role[] = ['supervisor', 'admin'];

/**
 * Cycle count (棚卸): a bin or a SKU is opened with its book (the one overlay's: the hub's balance with this station's
 * unanswered events laid over, picks in progress taken off), and a confirmed count is a `stock.counted` event in the
 * outbox before the answer, applied once by the hub whenever it is reached. Bad input is refused with a reason code and
 * nothing is recorded. Works with the hub away, second badge included (the station's credential cache).
 */
export class StockCountService {
  constructor(private readonly deps: StockCountDeps) {}

  /** Units of variance above which a second badge is needed (the station setting, else the default). */
  secondBadgeAbove(): number {
    const raw = this.deps.store.setting(secondBadgeSetting);
    const value = raw === null ? Number.NaN : Number(raw);
    return Number.isInteger(value) && value >= 0 ? value : defaultSecondBadgeAbove;
  }

  /** Sets the threshold (an admin's station setting). */
  setSecondBadgeAbove(units: number): number {
    this.deps.store.setSetting(secondBadgeSetting, String(units));
    return this.secondBadgeAbove();
  }

  /** A bin label (every SKU shelved there) or a SKU (its label, JAN or seller SKU code) with its book. */
  open(code: string): StockCountTarget {
    const text = code.trim();
    const base = { branchCode: this.deps.branchCode, secondBadgeAbove: this.secondBadgeAbove() };
    if (!this.hasBook()) return { ...base, verdict: 'refused', refusal: 'no-book', bin: null, items: [] };
    const bin = normaliseBinCode(text);
    if (bin) {
      const skus = [...binsOf(this.deps.store, this.deps.branchCode)].filter(([, at]) => at === bin).map(([sku]) => sku);
      if (skus.length === 0) return { ...base, verdict: 'refused', refusal: 'unknown-bin', bin, items: [] };
      return { ...base, verdict: 'bin', refusal: null, bin, items: this.items(skus.sort()) };
    }
    const sku = resolveSku(this.deps.store, text, null);
    if (!sku) return { ...base, verdict: 'refused', refusal: 'unknown-code', bin: null, items: [] };
    return { ...base, verdict: 'sku', refusal: null, bin: null, items: this.items([sku.sku]) };
  }

  /** What a code is, by the same rules as `open`, without reading the book: a unit scanned while counting. */
  resolve(code: string): StockCountCode {
    const text = code.trim();
    const bin = normaliseBinCode(text);
    if (bin) return { kind: 'bin', code: bin };
    const sku = resolveSku(this.deps.store, text, null);
    return sku ? { kind: 'sku', code: sku.sku } : { kind: 'unknown', code: null };
  }

  /**
   * A count confirmed: checked, then on disk before the answer. Above the threshold the second badge is verified
   * (another person, supervisor or admin) before anything is written.
   */
  async confirm(input: StockCountConfirmInput, user: { id: string; role: Role } | null, clientId: string): Promise<StockCountConfirmResult> {
    const threshold = this.secondBadgeAbove();
    const refused = (refusal: StockCountRefusal, variance: number | null = null): StockCountConfirmResult => ({
      verdict: 'refused',
      refusal,
      variance,
      secondBadgeAbove: threshold,
      recorded: null,
    });
    if (input.branchCode !== this.deps.branchCode) return refused('other-branch');
    if (!this.hasBook()) return refused('no-book');
    const counted = input.counted;
    if (!Number.isInteger(counted) || counted < 0 || counted > maxCountUnits) return refused('bad-count');
    const sku = this.deps.store.cachedOne('sku', input.sku);
    if (!sku) return refused('unknown-code');
    const bin = input.bin === null ? null : normaliseBinCode(input.bin);
    if (input.bin !== null) {
      if (!bin) return refused('unknown-bin');
      const bins = binsOf(this.deps.store, this.deps.branchCode);
      if (![...bins.values()].includes(bin)) return refused('unknown-bin');
      if (bins.get(sku.sku) !== bin) return refused('not-in-count');
    }
    const { book } = shelfBooks(this.deps.store, this.deps.branchCode, [sku.sku]).get(sku.sku)!;
    const variance = countVariance({ book, counted });
    // A count that found the book is recorded too (the hub keeps it, with no movement): it needs no reason.
    const given: StockCountReason | null = input.reason && stockCountReasons.includes(input.reason) ? input.reason : null;
    const reason: StockCountReason | null = variance === 0 ? (given ?? 'count-correction') : given;
    if (!reason) return refused('no-reason', variance);
    if (reason === 'damaged' && variance > 0) return refused('damaged-over', variance);
    const note = input.note?.trim() || null;
    if (reason === 'other' && note === null) return refused('note-required', variance);
    let secondApproverId: string | null = null;
    if (needsSecondBadge(variance, threshold)) {
      if (!input.secondBadge) return refused('second-badge-needed', variance);
      const holder = await this.deps.badgeHolder(input.secondBadge, clientId);
      if (!holder) return refused('unknown-badge', variance);
      if (user && holder.id === user.id) return refused('same-person', variance);
      if (!approverRoles.includes(holder.role)) return refused('not-supervisor', variance);
      secondApproverId = holder.id;
    }
    // On disk before the answer: a count the supervisor saw confirmed survives a crash and reaches the hub once.
    const entry = this.deps.record('stock.counted', { sku: sku.sku, bin, book, counted, reason, note, secondApproverId }, user?.id ?? null);
    return { verdict: 'recorded', refusal: null, variance, secondBadgeAbove: threshold, recorded: this.describe(entry) };
  }

  /** This station's counts, newest first, with what the hub said of each. */
  recent(limit: number): StockCountRecord[] {
    return this.deps.store.recent(limit, ['stock.counted']).map((entry) => this.describe(entry));
  }

  private describe(entry: OutboxEntry): StockCountRecord {
    // Written by this station with the same schema: it reads back as one.
    const payload = floorEventPayloads['stock.counted'].parse(entry.payload);
    const sku = this.deps.store.cachedOne('sku', payload.sku);
    const item = sku ? this.deps.store.cachedOne('inventory-item', sku.inventoryCode) : null;
    return {
      eventId: entry.eventId,
      sku: payload.sku,
      itemName: [item?.name, sku?.name].filter(Boolean).join(' ') || payload.sku,
      bin: payload.bin,
      book: payload.book,
      counted: payload.counted,
      variance: countVariance(payload),
      reason: payload.reason,
      note: payload.note,
      userId: entry.userId,
      secondApproverId: payload.secondApproverId,
      userName: this.userName(entry.userId),
      secondApproverName: this.userName(payload.secondApproverId),
      at: entry.occurredAt,
      state: entry.state,
      rejectedReason: entry.state === 'rejected' ? (entry.message ?? entry.reason) : null,
    };
  }

  /** Whether the station has pulled the hub's changes at least once: before that, every book would read 0. */
  private hasBook(): boolean {
    return Number(this.deps.store.setting('changes.cursor') ?? 0) > 0;
  }

  private userName(id: string | null): string | null {
    return id === null ? null : (this.deps.store.cachedOne('user', id)?.name ?? null);
  }

  private items(skus: readonly string[]): StockCountItem[] {
    const books = shelfBooks(this.deps.store, this.deps.branchCode, skus);
    const bins = binsOf(this.deps.store, this.deps.branchCode, skus);
    return skus.flatMap((code): StockCountItem[] => {
      const sku = this.deps.store.cachedOne('sku', code);
      if (!sku) return [];
      const item = this.deps.store.cachedOne('inventory-item', sku.inventoryCode);
      const book = books.get(code)!;
      return [
        {
          sku: code,
          itemName: item?.name ?? code,
          optionName: sku.name,
          sellerId: sku.sellerId,
          bin: bins.get(code) ?? null,
          book: book.book,
          picking: book.picking,
        },
      ];
    });
  }
}
