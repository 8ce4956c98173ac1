import type { Symbology } from '../../../shared/scanning/aim';

/** One complete scan as a decoder assembled it from its device's reports. */
export interface DecodedScan {
  /** The AIM id (`]C0`, `]Q1`, …) when the device sent one; never part of `data`. */
  aim: string | null;
  symbology: Symbology;
  data: string;
}

/** What feeding one input report to a decoder produced. */
export interface DecodeStep {
  /** Scans completed by this report (usually zero or one). */
  scans: DecodedScan[];
  /** Output reports the host must write back to the device now (SNAPI acknowledges every scan packet). */
  acks: number[][];
  /** Reports that were dropped or scans that were abandoned, worded for the station log. */
  problems: string[];
}

/** A small stateful decoder for one open device: the state is the scan being assembled across reports. */
export interface ReportDecoder {
  push(report: Uint8Array | number[]): DecodeStep;
}

/**
 * A scan that keeps growing (a stuck continuation flag, a flood of packets) must not grow without bound; real
 * scans are far smaller (a full QR code holds under 3 KB), while anything longer than the station accepts
 * still reaches it, so it can be recorded as a bad scan rather than vanish.
 */
export const maxAssembledBytes = 64 * 1024;

export function emptyStep(): DecodeStep {
  return { scans: [], acks: [], problems: [] };
}

export function asBytes(report: Uint8Array | number[]): Uint8Array {
  return report instanceof Uint8Array ? report : Uint8Array.from(report);
}

/** Reads a byte the caller has already bounds-checked (noUncheckedIndexedAccess cannot see the check). */
export function byteAt(report: Uint8Array, index: number): number {
  return report[index] ?? 0;
}

export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

export function hex(value: number, digits = 2): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}
