import { asBytes, byteAt, emptyStep, hex, joinChunks, maxAssembledBytes, type DecodeStep, type ReportDecoder } from './decode-step';
import { scanBytesToText } from './scan-bytes-to-text';
import { symbologyFromSnapiCodeType } from './snapi-code-types';

/*
 * Zebra SNAPI (vendor 0x05E0, product 0x1900) scan reports:
 *   0x22: [1] packet count, [2] packet index, [3] data length, [4..5] code type (LE), [6..] data
 *   0x26 (large scans): [1..2] count (BE), [3..4] index (BE), [5] data length, [6..7] code type (LE), [8..] data
 * Packet indexes run 0..count-1 (a public SNAPI host keeps packet i in slot i of a count-sized array).
 * Report 0x21 is the scanner's status answer to our own output reports; it carries no scan.
 */
const scanReportId = 0x22;
const largeScanReportId = 0x26;
const ackReportId = 0x01;
const ackSuccess = 0x01;

interface SnapiPacket {
  count: number;
  index: number;
  codeType: number;
  data: Uint8Array;
}

interface PendingScan {
  count: number;
  codeType: number;
  nextIndex: number;
  chunks: Uint8Array[];
  size: number;
  /** Past maxAssembledBytes: keep following the packets to the last one, then drop the whole scan. */
  overflowed: boolean;
}

function parsePacket(report: Uint8Array): SnapiPacket | string {
  const large = byteAt(report, 0) === largeScanReportId;
  const headerLength = large ? 8 : 6;
  if (report.length < headerLength) return `a ${report.length}-byte SNAPI scan report is too short for its header`;
  const count = large ? (byteAt(report, 1) << 8) | byteAt(report, 2) : byteAt(report, 1);
  const index = large ? (byteAt(report, 3) << 8) | byteAt(report, 4) : byteAt(report, 2);
  const length = byteAt(report, large ? 5 : 3);
  const codeType = large ? byteAt(report, 6) | (byteAt(report, 7) << 8) : byteAt(report, 4) | (byteAt(report, 5) << 8);
  if (headerLength + length > report.length) {
    return `a SNAPI packet claims ${length} data bytes but its ${report.length}-byte report holds ${report.length - headerLength}`;
  }
  if (count === 0) return 'a SNAPI packet says its scan has 0 packets';
  return { count, index, codeType, data: report.slice(headerLength, headerLength + length) };
}

function describe(count: number, index: number, codeType: number): string {
  return `packet ${index} of ${count}, code type ${hex(codeType)}`;
}

export function createZebraSnapiDecoder(): ReportDecoder {
  let pending: PendingScan | null = null;

  function accept(packet: SnapiPacket, step: DecodeStep): void {
    if (pending && (packet.count !== pending.count || packet.codeType !== pending.codeType || packet.index !== pending.nextIndex)) {
      step.problems.push(
        `dropped an unfinished SNAPI scan: expected ${describe(pending.count, pending.nextIndex, pending.codeType)}, ` +
          `got ${describe(packet.count, packet.index, packet.codeType)}`,
      );
      pending = null;
    }
    if (!pending) {
      if (packet.index !== 0) {
        step.problems.push(`ignored SNAPI ${describe(packet.count, packet.index, packet.codeType)}: its scan's first packet was missed`);
        return;
      }
      pending = { count: packet.count, codeType: packet.codeType, nextIndex: 0, chunks: [], size: 0, overflowed: false };
    }
    pending.nextIndex += 1;
    if (!pending.overflowed) {
      pending.chunks.push(packet.data);
      pending.size += packet.data.length;
      if (pending.size > maxAssembledBytes) {
        pending.overflowed = true;
        pending.chunks = [];
      }
    }
    if (pending.nextIndex < pending.count) return;
    if (pending.overflowed) {
      step.problems.push(`dropped a SNAPI scan longer than ${maxAssembledBytes} bytes`);
    } else {
      step.scans.push({
        aim: null,
        symbology: symbologyFromSnapiCodeType(pending.codeType),
        data: scanBytesToText(joinChunks(pending.chunks)),
      });
    }
    pending = null;
  }

  return {
    push(input) {
      const report = asBytes(input);
      const step = emptyStep();
      const reportId = byteAt(report, 0);
      if (reportId !== scanReportId && reportId !== largeScanReportId) return step;
      // Acknowledge every scan packet, even one we cannot use: without the ack the scanner stops sending.
      step.acks.push([ackReportId, reportId, ackSuccess]);
      const packet = parsePacket(report);
      if (typeof packet === 'string') {
        step.problems.push(`dropped ${packet}`);
        pending = null;
        return step;
      }
      accept(packet, step);
      return step;
    },
  };
}
