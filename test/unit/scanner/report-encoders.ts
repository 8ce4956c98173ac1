/**
 * Build input reports in the byte layouts scanners send, so tests can feed the decoders scans the real capture
 * does not cover. Written from the layout descriptions, not from the decoders.
 */

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Honeywell HID-POS: 64 bytes, id 2, length, AIM id, 56 data bytes, code id at 61, continuation bit at 63. */
export function honeywellReports(aim: string, data: Uint8Array, codeId: number): number[][] {
  const reports: number[][] = [];
  for (let offset = 0; offset === 0 || offset < data.length; offset += 56) {
    const chunk = data.subarray(offset, offset + 56);
    const report = new Array<number>(64).fill(0);
    report[0] = 0x02;
    report[1] = chunk.length;
    [...aim].forEach((character, i) => (report[2 + i] = character.charCodeAt(0)));
    chunk.forEach((byte, i) => (report[5 + i] = byte));
    report[61] = codeId;
    report[63] = offset + 56 < data.length ? 0x01 : 0x00;
    reports.push(report);
  }
  return reports;
}

/** Zebra SNAPI 0x22: [1] count, [2] index (from 0), [3] length, [4..5] code type LE, [6..] data; 32-byte reports. */
export function snapiReports(codeType: number, data: Uint8Array, reportSize = 32): number[][] {
  const perPacket = reportSize - 6;
  const count = Math.max(1, Math.ceil(data.length / perPacket));
  return Array.from({ length: count }, (_, index) => {
    const chunk = data.subarray(index * perPacket, (index + 1) * perPacket);
    const report = new Array<number>(reportSize).fill(0);
    report.splice(0, 6 + chunk.length, 0x22, count, index, chunk.length, codeType & 0xff, codeType >> 8, ...chunk);
    return report;
  });
}

/** Zebra SNAPI 0x26: [1..2] count BE, [3..4] index BE, [5] length, [6..7] code type LE, [8..] data. */
export function snapiLargeReports(codeType: number, data: Uint8Array, reportSize = 64): number[][] {
  const perPacket = reportSize - 8;
  const count = Math.max(1, Math.ceil(data.length / perPacket));
  return Array.from({ length: count }, (_, index) => {
    const chunk = data.subarray(index * perPacket, (index + 1) * perPacket);
    const report = new Array<number>(reportSize).fill(0);
    report.splice(0, 8 + chunk.length, 0x26, count >> 8, count & 0xff, index >> 8, index & 0xff, chunk.length, codeType & 0xff, codeType >> 8, ...chunk);
    return report;
  });
}

export const leftShift = 0x02;
export const leftCtrl = 0x01;

/** Boot keyboard report with these keys held. */
export function keysHeld(usages: number[], modifiers = 0): number[] {
  const report = new Array<number>(8).fill(0);
  report[0] = modifiers;
  usages.forEach((usage, i) => (report[2 + i] = usage));
  return report;
}

export const allReleased = (): number[] => keysHeld([]);

/** Press and release each key in turn, the way a keyboard-mode scanner types. */
export function typeKeys(keys: readonly (number | readonly [number, number])[]): number[][] {
  return keys.flatMap((key) => {
    const [usage, modifiers] = typeof key === 'number' ? [key, 0] : key;
    return [keysHeld([usage], modifiers), allReleased()];
  });
}
