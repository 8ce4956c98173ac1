import { isValidTrackingNumber, trackingNumberFromSerial, trackingSerial, type TrackingNumber } from '../../../shared/domain/tracking-numbers';
import { emptyFloor, layEvents } from '../overlay/floor-overlay';
import type { StationStore } from '../store/station-store';

export interface StoredBlock {
  id: string;
  stationId: string;
  firstSerial: number;
  count: number;
}

/** Blocks this station was handed in a response it read, kept until the changes feed brings them too. */
const blocksSetting = 'packing.trackingBlocks';
/** The events that put a number on a label. */
const labelKinds = ['order.packed', 'label.voided'] as const;
/** Ask the hub for more while this many numbers are left, so a long hub outage does not stop the pack bench. */
export const refillBelow = 20;
export const blockSize = 200;

/**
 * The station's own tracking numbers: the blocks the hub issued to it (from the POST response, kept in the store,
 * and from the changes feed, which carries every block so a lost response is not a lost block), less every number
 * this station ever put on a label — packed, voided, even refused by the hub: a printed number is never reused.
 */
export class TrackingStock {
  private readonly labels = emptyFloor();
  private laidThrough = 0;

  constructor(
    private readonly store: StationStore,
    private readonly stationId: string,
  ) {}

  blocks(): StoredBlock[] {
    const saved = JSON.parse(this.store.setting(blocksSetting) ?? '[]') as StoredBlock[];
    const fromFeed = this.store.cached('tracking-block');
    const all = new Map<number, StoredBlock>();
    for (const block of [
      ...saved,
      ...fromFeed.map((block) => ({ stationId: block.stationId, firstSerial: block.firstSerial, count: block.count, id: String(block.firstSerial) })),
    ]) {
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

  /**
   * Numbers already on a label from this station, as the overlay keeps them; the events are laid once each, as they
   * are recorded, not all again for every label.
   */
  used(): Set<string> {
    const newer = this.store.eventsOfKinds(labelKinds, this.laidThrough);
    layEvents(this.labels, newer);
    this.laidThrough = newer.at(-1)?.seq ?? this.laidThrough;
    return this.labels.labelNumbers;
  }

  /** The blocks' numbers less the used ones that are of them, counted without listing every number issued. */
  left(): number {
    const blocks = this.blocks();
    let left = blocks.reduce((sum, block) => sum + block.count, 0);
    for (const number of this.used()) {
      // Only a well-formed number is one a block issued (the check digit follows from the serial).
      if (!isValidTrackingNumber(number)) continue;
      const serial = trackingSerial(number);
      for (const block of blocks) if (serial >= block.firstSerial && serial < block.firstSerial + block.count) left--;
    }
    return left;
  }

  /** The lowest unused number: the blocks in order, each from its first serial, stopping at the first free one. */
  next(): TrackingNumber | null {
    const used = this.used();
    for (const block of this.blocks()) {
      for (let serial = block.firstSerial; serial < block.firstSerial + block.count; serial++) {
        const number = trackingNumberFromSerial(serial);
        if (!used.has(number)) return number;
      }
    }
    return null;
  }
}
