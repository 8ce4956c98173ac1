import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHoneywellHidPosDecoder } from '../../../electron/station/scanner/honeywell-hidpos-decoder';
import type { DecodeStep } from '../../../electron/station/scanner/decode-step';
import { bytesOf, honeywellReports } from './report-encoders';

interface CapturedMessage {
  reports: number[][];
  aim: string;
  text?: string;
  bytes?: number[];
}

const capture = JSON.parse(readFileSync(new URL('../../fixtures/hid/honeywell-hidpos-revinf.json', import.meta.url), 'utf8')) as {
  messages: CapturedMessage[];
};

function pushAll(reports: readonly (number[] | Uint8Array)[]): DecodeStep[] {
  const decoder = createHoneywellHidPosDecoder();
  return reports.map((report) => decoder.push(report));
}

const scansOf = (steps: DecodeStep[]) => steps.flatMap((step) => step.scans);
const problemsOf = (steps: DecodeStep[]) => steps.flatMap((step) => step.problems);

describe('Honeywell HID-POS decoder', () => {
  it('joins the six continued reports of the real Voyager 1602g capture into its stored text', () => {
    const message = capture.messages[0]!;
    const steps = pushAll(message.reports);

    expect(steps.slice(0, -1).every((step) => step.scans.length === 0)).toBe(true);
    expect(scansOf(steps)).toEqual([{ aim: message.aim, symbology: 'other', data: message.text }]);
    expect(problemsOf(steps)).toEqual([]);
  });

  it('decodes the captured one-report status message to its stored bytes', () => {
    const message = capture.messages[1]!;
    const [scan] = scansOf(pushAll(message.reports));

    expect(scan?.aim).toBe(']Z6');
    expect(scan?.symbology).toBe('non-barcode');
    expect([...bytesOf(scan?.data ?? '')]).toEqual(message.bytes);
  });

  it('decodes the whole capture with one decoder, message after message', () => {
    const scans = scansOf(pushAll(capture.messages.flatMap((message) => message.reports)));
    expect(scans.map((scan) => scan.aim)).toEqual([']X0', ']Z6']);
  });

  it('reassembles a 300-byte QR payload sent in six reports', () => {
    const payload = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x21 + ((i * 7) % 90))).join('');
    const reports = honeywellReports(']Q1', bytesOf(payload), 0x73);
    expect(reports).toHaveLength(6);

    const steps = pushAll(reports);
    expect(steps.slice(0, 5).flatMap((step) => step.scans)).toEqual([]);
    expect(scansOf(steps)).toEqual([{ aim: ']Q1', symbology: 'qr', data: payload }]);
  });

  it('keeps no state between complete scans', () => {
    const scans = scansOf(
      pushAll([...honeywellReports(']E0', bytesOf('4901234567894'), 0x64), ...honeywellReports(']C0', bytesOf('300001289771-00003'), 0x6a)]),
    );
    expect(scans).toEqual([
      { aim: ']E0', symbology: 'ean-upc', data: '4901234567894' },
      { aim: ']C0', symbology: 'code128', data: '300001289771-00003' },
    ]);
  });

  it('decodes UTF-8 and Shift_JIS QR payloads to the same Japanese text', () => {
    const text = '商品ラベル テスト';
    const shiftJis = Uint8Array.from([0x8f, 0xa4, 0x95, 0x69, 0x83, 0x89, 0x83, 0x78, 0x83, 0x8b, 0x20, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67]);

    const [fromUtf8] = scansOf(pushAll(honeywellReports(']Q1', bytesOf(text), 0x73)));
    const [fromShiftJis] = scansOf(pushAll(honeywellReports(']Q1', shiftJis, 0x73)));

    expect(fromUtf8?.data).toBe(text);
    expect(fromShiftJis?.data).toBe(text);
  });

  it('drops an unfinished scan when the next report starts a different AIM id, and decodes the new one', () => {
    const unfinished = honeywellReports(']Q1', bytesOf('x'.repeat(100)), 0x73).slice(0, 1);
    const next = honeywellReports(']C0', bytesOf('ABC123'), 0x6a);

    const steps = pushAll([...unfinished, ...next]);

    expect(scansOf(steps)).toEqual([{ aim: ']C0', symbology: 'code128', data: 'ABC123' }]);
    expect(problemsOf(steps).join()).toMatch(/unfinished \]Q1/);
  });

  it('falls back to the Honeywell code id when the report carries no AIM id', () => {
    const [report] = honeywellReports(']C0', bytesOf('NO-AIM'), 0x6a);
    report!.fill(0, 2, 5);

    expect(scansOf(pushAll([report!]))).toEqual([{ aim: null, symbology: 'code128', data: 'NO-AIM' }]);
  });

  it('ignores reports that are not 64-byte scan reports (other report id, short read)', () => {
    const [report] = honeywellReports(']C0', bytesOf('ABC'), 0x6a);
    const otherId = [0x03, ...report!.slice(1)];
    const short = report!.slice(0, 32);

    const steps = pushAll([otherId, short]);

    expect(scansOf(steps)).toEqual([]);
    expect(problemsOf(steps)).toHaveLength(2);
  });

  it('refuses a report claiming more data bytes than fit', () => {
    const [report] = honeywellReports(']C0', bytesOf('ABC'), 0x6a);
    report![1] = 57;

    const steps = pushAll([report!]);
    expect(scansOf(steps)).toEqual([]);
    expect(problemsOf(steps).join()).toMatch(/57 data bytes/);
  });

  it('drops a scan whose continuation never stops growing, then decodes the next one', () => {
    const endless = honeywellReports(']Q1', new Uint8Array(70_000).fill(0x41), 0x73);
    const steps = pushAll([...endless, ...honeywellReports(']C0', bytesOf('AFTER'), 0x6a)]);

    expect(scansOf(steps)).toEqual([{ aim: ']C0', symbology: 'code128', data: 'AFTER' }]);
    expect(problemsOf(steps).join()).toMatch(/longer than/);
  });

  it('accepts the report as a Buffer, as node-hid delivers it', () => {
    const [report] = honeywellReports(']F0', bytesOf('A123456789017A'), 0x61);
    expect(scansOf(pushAll([Buffer.from(report!)]))).toEqual([{ aim: ']F0', symbology: 'codabar', data: 'A123456789017A' }]);
  });
});
