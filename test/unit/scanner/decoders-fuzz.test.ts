// Fuzzing the HID report decoders (issue 14, item 10): random report bytes never make a decoder throw; a report
// that is not a scan report of the decoder's layout is refused with a line for the station log, never taken as a
// scan; and refused garbage between the reports of a real scan does not change or lose that scan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReportDecoder } from '../../../electron/station/scanner/create-report-decoder';
import type { DecodeStep } from '../../../electron/station/scanner/decode-step';
import type { ScannerProtocol } from '../../../electron/station/scanner/scanner-protocol';
import { bytesOf, honeywellReports, snapiLargeReports, snapiReports } from './report-encoders';

const protocols: ScannerProtocol[] = ['honeywell-hidpos', 'zebra-snapi', 'keyboard-boot'];
const report = fc.oneof(
  fc.uint8Array({ maxLength: 80 }),
  fc.uint8Array({ minLength: 64, maxLength: 64 }),
  fc.uint8Array({ minLength: 8, maxLength: 8 }),
  fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 70 }),
);

function expectWellFormed(step: DecodeStep): void {
  expect(Array.isArray(step.scans) && Array.isArray(step.acks) && Array.isArray(step.problems)).toBe(true);
  for (const scan of step.scans) expect(typeof scan.data).toBe('string');
  for (const problem of step.problems) expect(problem).toMatch(/\S/);
}

const scanData = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-./:'), minLength: 1, maxLength: 300 });

describe('HID decoders under random reports', () => {
  it.each(protocols)('%s never throws on random report bytes', (protocol) => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 60 }), (reports) => {
        const decoder = createReportDecoder(protocol, 'us');
        for (const bytes of reports) expectWellFormed(decoder.push(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('HID-POS refuses any report that is not a 64-byte report with id 2, and still decodes the scan it interrupts', () => {
    const garbage = fc.uint8Array({ maxLength: 80 }).filter((bytes) => bytes.length < 64 || bytes[0] !== 0x02);
    fc.assert(
      fc.property(scanData, fc.array(garbage, { minLength: 1, maxLength: 5 }), (data, junk) => {
        const decoder = createReportDecoder('honeywell-hidpos', 'us');
        for (const bytes of junk) {
          const step = decoder.push(bytes);
          expect(step.scans).toEqual([]);
          expect(step.problems).toEqual([expect.stringMatching(/not a HID-POS scan report/)]);
        }
        const scans = honeywellReports(']C0', bytesOf(data), 0x6a).flatMap((bytes, i) => [...(i > 0 ? junk : []), bytes].flatMap((r) => decoder.push(r).scans));
        expect(scans).toEqual([expect.objectContaining({ aim: ']C0', data })]);
      }),
      { numRuns: 200 },
    );
  });

  it('SNAPI refuses a scan report whose header lies about its length, and a later scan still decodes whole', () => {
    // A 0x22 report claiming more data bytes than it holds.
    const lying = fc
      .integer({ min: 6, max: 31 })
      .chain((size) =>
        fc
          .uint8Array({ minLength: size, maxLength: size })
          .chain((bytes) => fc.integer({ min: size - 5, max: 255 }).map((claimed) => Uint8Array.from([0x22, 1, 0, claimed, ...bytes.subarray(4)]))),
      );
    fc.assert(
      fc.property(lying, scanData, fc.boolean(), (bad, data, large) => {
        const decoder = createReportDecoder('zebra-snapi', 'us');
        const refused = decoder.push(bad);
        expect(refused.scans).toEqual([]);
        expect(refused.problems).toEqual([expect.stringMatching(/^dropped a/)]);
        const reports = large ? snapiLargeReports(0x08, bytesOf(data)) : snapiReports(0x08, bytesOf(data));
        const scans = reports.flatMap((r) => decoder.push(r).scans);
        expect(scans.map((s) => s.data)).toEqual([data]);
      }),
      { numRuns: 200 },
    );
  });

  it('a boot keyboard refuses a report of the wrong size and it does not end or change the scan being typed', () => {
    const wrongSize = fc.uint8Array({ maxLength: 20 }).filter((bytes) => bytes.length !== 8);
    fc.assert(
      fc.property(fc.array(wrongSize, { minLength: 1, maxLength: 4 }), (junk) => {
        const decoder = createReportDecoder('keyboard-boot', 'us');
        // "AB1" then Enter, with the junk between every report.
        const keys = [
          [0x02, 0, 0x04],
          [0, 0, 0],
          [0x02, 0, 0x05],
          [0, 0, 0],
          [0, 0, 0x1e],
          [0, 0, 0],
          [0, 0, 0x28],
          [0, 0, 0],
        ];
        const steps = keys.flatMap((k) => [...junk, Uint8Array.from([...k, 0, 0, 0, 0, 0])].map((r) => decoder.push(r)));
        expect(steps.flatMap((s) => s.scans).map((s) => s.data)).toEqual(['AB1']);
        expect(steps.flatMap((s) => s.problems).every((p) => /a boot keyboard report has 8/.test(p))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
