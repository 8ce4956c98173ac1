import { trackingBlock, type TrackingNumber } from '../../../shared/domain/tracking-numbers';
import type { StationStore } from '../store/station-store';

export interface StoredBlock {
  id: string;
  stationId: string;
  firstSerial: number;
  count: number;
}

/** Blocks this station was handed in a response it read, kept until the changes feed brings them too. */
const blocksSetting = 'packing.trackingBlocks';
/** Ask the hub for more while this many numbers are left, so a long hub outage does not stop the pack bench. */
export const refillBelow = 20;
export const blockSize = 200;

/**
 * The station's own tracking numbers: the blocks the hub issued to it (from the POST response, kept in the store,
 * and from the changes feed, which carries every block so a lost response is not a lost block), less every number
 * this station ever put on a label — packed, voided, even refused by the hub: a printed number is never reused.
 */
export class TrackingStock {
  constructor(
    private readonly store: StationStore,
    private readonly stationId: string,
  ) {}

  blocks(): StoredBlock[] {
    const saved = JSON.parse(this.store.setting(blocksSetting) ?? '[]') as StoredBlock[];
    const fromFeed = this.store.cached<Omit<StoredBlock, 'id'> & { id?: string }>('tracking-block');
    const all = new Map<number, StoredBlock>();
    for (const block of [...saved, ...fromFeed.map((block) => ({ ...block, id: String(block.id ?? block.firstSerial) }))]) {
      if (block.stationId === this.stationId) all.set(block.firstSerial, block);
    }
    return [...all.values()].sort((a, b) => a.firstSerial - b.firstSerial);
  }

  /** Keeps a block the hub just issued (durable before the first number of it is printed). */
  keep(block: StoredBlock): void {
    const saved = JSON.parse(this.store.setting(blocksSetting) ?? '[]') as StoredBlock[];
    if (saved.some((old) => old.firstSerial === block.firstSerial)) return;
    this.store.setSetting(blocksSetting, JSON.stringify([...saved, block]));
  }

  /** Numbers already on a label from this station. */
  used(): Set<string> {
    const used = new Set<string>();
    for (const entry of this.store.eventsOfKinds(['order.packed', 'label.voided'])) used.add((entry.payload as { trackingNumber: string }).trackingNumber);
    return used;
  }

  /** Every unused number, lowest first. */
  available(): TrackingNumber[] {
    const used = this.used();
    return this.blocks().flatMap((block) => trackingBlock(block.firstSerial, block.count).filter((number) => !used.has(number)));
  }

  left(): number {
    const used = this.used();
    return this.blocks().reduce((sum, block) => sum + trackingBlock(block.firstSerial, block.count).filter((number) => !used.has(number)).length, 0);
  }

  next(): TrackingNumber | null {
    return this.available()[0] ?? null;
  }

  /** Whether the number was issued to this station (a label scanned at ship time must be one of ours). */
  owns(number: string): boolean {
    return this.blocks().some((block) => trackingBlock(block.firstSerial, block.count).includes(number));
  }
}
