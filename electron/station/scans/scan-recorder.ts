import { randomUUID } from 'node:crypto';
import type { Scan } from '../../../shared/contract/schemas';
import { splitAim, type Symbology } from '../../../shared/scanning/aim';
import { checkScanText, type BadScanReason } from '../../../shared/scanning/scan-text';

export interface RawScan {
  source: Scan['source'];
  deviceId: string | null;
  /** AIM id when the transport carried it separately (HID-POS); a wedge burst carries it inside `raw`. */
  aim: string | null;
  symbology?: Symbology;
  raw: string;
  unfinished?: boolean;
}

const keptScans = 5000;

/**
 * Every scan from every scanner passes here: it gets its station-wide sequence number and its verdict (a garbled
 * or unfinished scan is recorded as bad, never dropped). The durable outbox takes over this role with the hub work.
 */
export class ScanRecorder {
  private seq = 0;
  private readonly recent: Scan[] = [];

  record(raw: RawScan): Scan {
    const split = raw.aim === null ? splitAim(raw.raw) : { aim: raw.aim, symbology: splitAim(raw.aim).symbology, data: raw.raw };
    const badReason: BadScanReason | null = raw.unfinished ? 'unfinished' : checkScanText(split.data);
    const scan: Scan = {
      id: randomUUID(),
      seq: ++this.seq,
      source: raw.source,
      deviceId: raw.deviceId,
      aim: split.aim,
      symbology: raw.symbology && raw.symbology !== 'unknown' ? raw.symbology : split.symbology,
      text: split.data,
      verdict: badReason ? 'bad' : 'good',
      badReason,
      at: new Date().toISOString(),
    };
    this.recent.push(scan);
    if (this.recent.length > keptScans) this.recent.splice(0, this.recent.length - keptScans);
    return scan;
  }

  latest(limit: number): Scan[] {
    return this.recent.slice(-limit);
  }
}
