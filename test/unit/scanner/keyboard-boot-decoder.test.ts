import { describe, expect, it } from 'vitest';
import type { DecodeStep } from '../../../electron/station/scanner/decode-step';
import { createKeyboardBootDecoder } from '../../../electron/station/scanner/keyboard-boot-decoder';
import type { KeyboardLayout } from '../../../shared/scanning/keyboard-layouts';
import { allReleased, keysHeld, leftCtrl, leftShift, typeKeys } from './report-encoders';

// HID usage ids (HID Usage Tables, keyboard page 0x07).
const key = {
  a: 0x04,
  c: 0x06,
  x: 0x1b,
  d1: 0x1e,
  d2: 0x1f,
  d3: 0x20,
  d7: 0x24,
  d8: 0x25,
  d9: 0x26,
  d0: 0x27,
  enter: 0x28,
  tab: 0x2b,
  minus: 0x2d,
  equal: 0x2e,
  leftBracket: 0x2f,
  rightBracket: 0x30,
  semicolon: 0x33,
  quote: 0x34,
  grave: 0x35,
  keypadEnter: 0x58,
  keypad1: 0x59,
  keypad0: 0x62,
  international1: 0x87,
  international3: 0x89,
};
const shifted = (usage: number) => [usage, leftShift] as const;
const RSHIFT = 0x20;

function decode(reports: readonly number[][], layout: KeyboardLayout = 'us'): DecodeStep[] {
  const decoder = createKeyboardBootDecoder(layout);
  return reports.map((report) => decoder.push(report));
}

const scansOf = (steps: DecodeStep[]) => steps.flatMap((step) => step.scans);
const problemsOf = (steps: DecodeStep[]) => steps.flatMap((step) => step.problems);

describe('keyboard boot report decoder', () => {
  it('types an AIM-prefixed SKU and ends the scan on Enter', () => {
    // "]C0" + "300001289771-00003"
    const sku = [
      key.d3,
      key.d0,
      key.d0,
      key.d0,
      key.d0,
      key.d1,
      key.d2,
      key.d8,
      key.d9,
      key.d7,
      key.d7,
      key.d1,
      key.minus,
      key.d0,
      key.d0,
      key.d0,
      key.d0,
      key.d3,
    ];
    const reports = typeKeys([key.rightBracket, shifted(key.c), key.d0, ...sku, key.enter]);

    const steps = decode(reports);

    expect(scansOf(steps)).toEqual([{ aim: ']C0', symbology: 'code128', data: '300001289771-00003' }]);
    expect(steps.slice(0, -2).flatMap((step) => step.scans)).toEqual([]);
  });

  it('counts a held key once, however many reports repeat it', () => {
    const reports = [keysHeld([key.a]), keysHeld([key.a]), keysHeld([key.a]), allReleased(), keysHeld([key.enter])];
    expect(scansOf(decode(reports))[0]?.data).toBe('a');
  });

  it('types a doubled character when the key is released in between', () => {
    const reports = [keysHeld([key.d0]), allReleased(), keysHeld([key.d0]), allReleased(), keysHeld([key.enter])];
    expect(scansOf(decode(reports))[0]?.data).toBe('00');
  });

  it('types only the newly pressed key when a report adds one to those held (rollover)', () => {
    const reports = [keysHeld([key.d1]), keysHeld([key.d1, key.d2]), keysHeld([key.d2]), keysHeld([key.d2, key.d3]), allReleased(), keysHeld([key.tab])];
    expect(scansOf(decode(reports))[0]?.data).toBe('123');
  });

  it('ends a scan on Tab and on keypad Enter, and types keypad digits', () => {
    const scans = scansOf(decode(typeKeys([key.d1, key.tab, key.keypad1, key.keypad0, key.keypadEnter])));
    expect(scans.map((scan) => scan.data)).toEqual(['1', '10']);
  });

  it('does not report an end key with nothing typed as a scan', () => {
    expect(scansOf(decode(typeKeys([key.enter, key.enter])))).toEqual([]);
  });

  it('honours right Shift as well as left Shift', () => {
    expect(scansOf(decode(typeKeys([[key.a, RSHIFT], key.enter])))[0]?.data).toBe('A');
  });

  it('decodes the keys whose characters differ between the US and JIS tables', () => {
    const keys = [
      shifted(key.d2),
      shifted(key.d7),
      key.equal,
      shifted(key.equal),
      key.leftBracket,
      key.rightBracket,
      shifted(key.semicolon),
      key.quote,
      shifted(key.quote),
      shifted(key.minus),
      key.enter,
    ];
    const reports = typeKeys(keys);

    expect(scansOf(decode(reports, 'us'))[0]?.data).toBe(`@&=+[]:'"_`);
    expect(scansOf(decode(reports, 'jis'))[0]?.data).toBe(`"'^~@[+:*=`);
  });

  it('knows the JIS-only keys ろ and ¥', () => {
    const reports = typeKeys([key.international1, shifted(key.international1), key.international3, shifted(key.international3), key.enter]);
    expect(scansOf(decode(reports, 'jis'))[0]?.data).toBe('\\_¥|');
  });

  it('reports a key that types nothing on the layout (JIS Shift+0, 半角/全角) instead of inventing a character', () => {
    const steps = decode(typeKeys([key.d1, shifted(key.d0), key.grave, key.d2, key.enter]), 'jis');

    expect(scansOf(steps)[0]?.data).toBe('12');
    expect(problemsOf(steps)).toHaveLength(2);
  });

  it('types Ctrl+] as the GS1 field separator', () => {
    const reports = typeKeys([key.d1, [key.rightBracket, leftCtrl], key.x, key.enter]);
    expect(scansOf(decode(reports))[0]?.data).toBe('1\u001dx');
  });

  it('ignores a phantom (ErrorRollOver) report without losing what is held', () => {
    const reports = [keysHeld([key.a]), keysHeld([0x01, 0x01, 0x01, 0x01, 0x01, 0x01]), keysHeld([key.a]), allReleased(), keysHeld([key.enter])];
    expect(scansOf(decode(reports))[0]?.data).toBe('a');
  });

  it('ignores reports that are not 8 bytes long', () => {
    const steps = decode([[0x01, ...keysHeld([key.a])], ...typeKeys([key.c, key.enter])]);

    expect(scansOf(steps)[0]?.data).toBe('c');
    expect(problemsOf(steps).join()).toMatch(/9-byte/);
  });
});
