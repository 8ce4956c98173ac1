import { describe, expect, it } from 'vitest';
import type { DecodeStep } from '../../../electron/station/scanner/decode-step';
import { createZebraSnapiDecoder } from '../../../electron/station/scanner/zebra-snapi-decoder';
import { bytesOf, snapiLargeReports, snapiReports } from './report-encoders';

const qrCode = 0x1c;
const code128 = 0x03;

function pushAll(reports: readonly number[][]): DecodeStep[] {
  const decoder = createZebraSnapiDecoder();
  return reports.map((report) => decoder.push(report));
}

const scansOf = (steps: DecodeStep[]) => steps.flatMap((step) => step.scans);
const problemsOf = (steps: DecodeStep[]) => steps.flatMap((step) => step.problems);

describe('Zebra SNAPI decoder', () => {
  it('decodes a one-packet scan and asks for its ack', () => {
    const [step] = pushAll(snapiReports(code128, bytesOf('300001289771-00003')));

    expect(step?.scans).toEqual([{ aim: null, symbology: 'code128', data: '300001289771-00003' }]);
    expect(step?.acks).toEqual([[0x01, 0x22, 0x01]]);
  });

  it('appends packets in index order and acknowledges every one of them', () => {
    const payload = 'https://qxpress.example/track?no=' + '1234567890'.repeat(5);
    const reports = snapiReports(qrCode, bytesOf(payload));
    expect(reports.length).toBeGreaterThan(2);

    const steps = pushAll(reports);

    expect(steps.slice(0, -1).flatMap((step) => step.scans)).toEqual([]);
    expect(scansOf(steps)).toEqual([{ aim: null, symbology: 'qr', data: payload }]);
    expect(steps.map((step) => step.acks)).toEqual(reports.map(() => [[0x01, 0x22, 0x01]]));
  });

  it('reads the large-scan report 0x26 with big-endian count and index beyond 255 packets', () => {
    const payload = Array.from({ length: 300 * 56 }, (_, i) => String.fromCharCode(0x30 + (i % 43))).join('');
    const reports = snapiLargeReports(qrCode, bytesOf(payload));
    expect(reports).toHaveLength(300);

    const steps = pushAll(reports);

    expect(scansOf(steps)).toEqual([{ aim: null, symbology: 'qr', data: payload }]);
    expect(steps.every((step) => step.acks.length === 1 && step.acks[0]?.[1] === 0x26)).toBe(true);
  });

  it('resets on an unexpected packet index, then decodes the next complete scan', () => {
    const first = snapiReports(qrCode, bytesOf('A'.repeat(80)));
    const second = snapiReports(code128, bytesOf('NEXT-SCAN'));

    const steps = pushAll([first[0]!, first[2]!, first[3]!, ...second]);

    expect(scansOf(steps)).toEqual([{ aim: null, symbology: 'code128', data: 'NEXT-SCAN' }]);
    expect(problemsOf(steps).join()).toMatch(/expected packet 1 of 4/);
  });

  it('resets when the packet count or the code type changes mid-scan', () => {
    const qr = snapiReports(qrCode, bytesOf('B'.repeat(60)));
    const otherCount = snapiReports(qrCode, bytesOf('C'.repeat(90)));
    const otherType = snapiReports(code128, bytesOf('D'.repeat(60)));

    const countSteps = pushAll([qr[0]!, otherCount[1]!, qr[1]!, qr[2]!]);
    const typeSteps = pushAll([qr[0]!, otherType[1]!, otherType[2]!]);

    expect(scansOf(countSteps)).toEqual([]);
    expect(scansOf(typeSteps)).toEqual([]);
    expect(problemsOf(countSteps).length).toBeGreaterThan(0);
    expect(problemsOf(typeSteps).length).toBeGreaterThan(0);
  });

  it('a new first packet replaces an unfinished scan', () => {
    const abandoned = snapiReports(qrCode, bytesOf('E'.repeat(60)));
    const fresh = snapiReports(qrCode, bytesOf('F'.repeat(60)));

    expect(scansOf(pushAll([abandoned[0]!, ...fresh]))).toEqual([{ aim: null, symbology: 'qr', data: 'F'.repeat(60) }]);
  });

  it('ignores status report 0x21 and other reports without acking them', () => {
    const steps = pushAll([
      [0x21, 0x22, 0x01, 0x00],
      [0x24, 0x03],
    ]);

    expect(steps).toEqual([
      { scans: [], acks: [], problems: [] },
      { scans: [], acks: [], problems: [] },
    ]);
  });

  it('still acknowledges a packet whose length does not fit its report, but drops it', () => {
    const [report] = snapiReports(code128, bytesOf('SHORT'));
    report![3] = 200;

    const [step] = pushAll([report!]);

    expect(step?.scans).toEqual([]);
    expect(step?.acks).toEqual([[0x01, 0x22, 0x01]]);
    expect(step?.problems.join()).toMatch(/200 data bytes/);
  });

  it('names symbologies from SNAPI code types, NW-7 as Codabar, and leaves unmapped types unknown', () => {
    const symbologyOf = (codeType: number) => scansOf(pushAll(snapiReports(codeType, bytesOf('123'))))[0]?.symbology;

    expect(symbologyOf(0x0b)).toBe('ean-upc');
    expect(symbologyOf(0x18)).toBe('codabar');
    expect(symbologyOf(0x1b)).toBe('datamatrix');
    expect(symbologyOf(0x30)).toBe('gs1-databar');
    expect(symbologyOf(0x22)).toBe('unknown'); // Japan Postal
  });
});
