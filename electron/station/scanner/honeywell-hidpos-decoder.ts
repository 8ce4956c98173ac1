import { splitAim } from '../../../shared/scanning/aim';
import { asBytes, byteAt, emptyStep, hex, joinChunks, maxAssembledBytes, type DecodeStep, type ReportDecoder } from './decode-step';
import { symbologyFromHoneywellCodeId } from './honeywell-code-ids';
import { scanBytesToText } from './scan-bytes-to-text';

/*
 * Honeywell HID-POS input report (usage page 0x8C) as hidapi returns it, report id included:
 * [0] report id 2, [1] data length N (0..56), [2..4] AIM id, [5..60] data, [61] Honeywell code id,
 * [62] reserved, [63] bit 0 set when more reports follow. WebHID strips the report id; node-hid does not.
 */
const scanReportId = 0x02;
const reportLength = 64;
const maxDataPerReport = 56;
const aimOffset = 2;
const dataOffset = 5;
const codeIdOffset = 61;
const flagsOffset = 63;
const moreFollows = 0x01;

interface PendingScan {
  aim: string | null;
  codeId: number;
  chunks: Uint8Array[];
  size: number;
  /** Past maxAssembledBytes: keep swallowing reports until the last one, then drop the whole scan. */
  overflowed: boolean;
}

function aimOf(report: Uint8Array): string | null {
  // An AIM id always starts with ']'; zeros there mean the scanner was set to send none.
  if (byteAt(report, aimOffset) !== 0x5d) return null;
  return String.fromCharCode(...report.subarray(aimOffset, aimOffset + 3));
}

export function createHoneywellHidPosDecoder(): ReportDecoder {
  let pending: PendingScan | null = null;

  function finish(scan: PendingScan, step: DecodeStep): void {
    if (scan.overflowed) {
      step.problems.push(`dropped a scan longer than ${maxAssembledBytes} bytes`);
      return;
    }
    const fromAim = scan.aim ? splitAim(scan.aim).symbology : 'unknown';
    step.scans.push({
      aim: scan.aim,
      symbology: fromAim === 'unknown' ? symbologyFromHoneywellCodeId(scan.codeId) : fromAim,
      data: scanBytesToText(joinChunks(scan.chunks)),
    });
  }

  return {
    push(input) {
      const report = asBytes(input);
      const step = emptyStep();
      if (report.length < reportLength || byteAt(report, 0) !== scanReportId) {
        step.problems.push(`ignored a ${report.length}-byte report with id ${hex(byteAt(report, 0))}: not a HID-POS scan report`);
        return step;
      }
      const length = byteAt(report, 1);
      if (length > maxDataPerReport) {
        step.problems.push(`dropped a HID-POS report claiming ${length} data bytes (at most ${maxDataPerReport} fit)`);
        pending = null;
        return step;
      }
      const aim = aimOf(report);
      if (pending && pending.aim !== aim) {
        // A continued scan must keep its AIM id; a new one means the scanner gave up on the old scan.
        step.problems.push(`dropped an unfinished ${pending.aim ?? 'HID-POS'} scan: the next report started ${aim ?? 'a scan without AIM id'}`);
        pending = null;
      }
      const scan: PendingScan = pending ?? { aim, codeId: byteAt(report, codeIdOffset), chunks: [], size: 0, overflowed: false };
      if (!scan.overflowed) {
        scan.chunks.push(report.slice(dataOffset, dataOffset + length));
        scan.size += length;
        if (scan.size > maxAssembledBytes) {
          scan.overflowed = true;
          scan.chunks = [];
        }
      }
      if (byteAt(report, flagsOffset) & moreFollows) {
        pending = scan;
      } else {
        pending = null;
        finish(scan, step);
      }
      return step;
    },
  };
}
