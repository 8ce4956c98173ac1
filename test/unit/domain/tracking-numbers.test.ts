import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidTrackingNumber,
  maxTrackingSerial,
  trackingBlock,
  trackingCheckDigit,
  trackingNumberFromSerial,
  trackingNumberSchema,
  trackingSerial,
} from '../../../shared/domain/tracking-numbers';

const serial = fc.integer({ min: 0, max: maxTrackingSerial });

describe('check digit (first 11 digits mod 7)', () => {
  it('is the body read as a number, mod 7', () => {
    expect(trackingCheckDigit('00000000000')).toBe(0);
    expect(trackingCheckDigit('00000000013')).toBe(6); // 13 = 7 + 6
    expect(trackingCheckDigit('12345678901')).toBe(12_345_678_901 % 7);
    expect(trackingCheckDigit('99999999999')).toBe(99_999_999_999 % 7);
  });

  it('refuses a body that is not 11 digits', () => {
    expect(() => trackingCheckDigit('1234567890')).toThrow('invalid-tracking-body');
    expect(() => trackingCheckDigit('1234567890a')).toThrow('invalid-tracking-body');
  });

  it('validates 12 digits with the right last digit only', () => {
    expect(isValidTrackingNumber('000000000136')).toBe(true);
    expect(isValidTrackingNumber('000000000135')).toBe(false);
    expect(isValidTrackingNumber('00000000136')).toBe(false);
    expect(isValidTrackingNumber('0000000001366')).toBe(false);
    expect(trackingNumberSchema.safeParse('000000000135').error?.issues.map((i) => i.message)).toEqual(['tracking-check-digit']);
    expect(trackingNumberSchema.safeParse('1234').error?.issues.map((i) => i.message)).toEqual(['invalid-tracking-number']);
  });
});

describe('generating numbers', () => {
  it('pads the serial to 11 digits and appends its check digit', () => {
    expect(trackingNumberFromSerial(13)).toBe('000000000136');
    expect(trackingNumberFromSerial(maxTrackingSerial)).toBe(`99999999999${maxTrackingSerial % 7}`);
  });

  it('refuses negative, fractional and 12-digit serials', () => {
    for (const bad of [-1, 1.5, maxTrackingSerial + 1]) expect(() => trackingNumberFromSerial(bad)).toThrow('invalid-tracking-serial');
  });

  it('makes blocks of consecutive valid numbers and refuses a block that would run past 11 digits', () => {
    const block = trackingBlock(1_000_000, 5);
    expect(block.map(trackingSerial)).toEqual([1_000_000, 1_000_001, 1_000_002, 1_000_003, 1_000_004]);
    expect(block.every(isValidTrackingNumber)).toBe(true);
    expect(trackingBlock(maxTrackingSerial, 1)).toHaveLength(1);
    expect(trackingBlock(5, 0)).toEqual([]);
    expect(() => trackingBlock(maxTrackingSerial, 2)).toThrow('tracking-serials-exhausted');
  });

  it('every generated number validates and gives back its serial', () => {
    fc.assert(
      fc.property(serial, (n) => {
        const number = trackingNumberFromSerial(n);
        expect(number).toMatch(/^\d{12}$/);
        expect(isValidTrackingNumber(number)).toBe(true);
        expect(trackingSerial(number)).toBe(n);
      }),
    );
  });
});

describe('what mod 7 catches, and what it does not', () => {
  const withDigit = (text: string, position: number, digit: number) => text.slice(0, position) + String(digit) + text.slice(position + 1);

  it('a known blind spot: changing a body digit by 7 (1 → 8) leaves the number valid', () => {
    const valid = trackingNumberFromSerial(12_345_678_901);
    expect(valid[0]).toBe('1');
    expect(isValidTrackingNumber(withDigit(valid, 0, 8))).toBe(true);
    expect(isValidTrackingNumber(withDigit(valid, 0, 7))).toBe(false);
  });

  it('catches a single body-digit change exactly when the change is not ±7', () => {
    fc.assert(
      fc.property(serial, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 9 }), (n, position, digit) => {
        const valid = trackingNumberFromSerial(n);
        const old = Number(valid[position]);
        fc.pre(digit !== old);
        expect(isValidTrackingNumber(withDigit(valid, position, digit))).toBe(Math.abs(digit - old) === 7);
      }),
    );
  });

  it('catches every change of the check digit itself (it is always 0–6, so 7, 8, 9 are never valid)', () => {
    fc.assert(
      fc.property(serial, fc.integer({ min: 0, max: 9 }), (n, digit) => {
        const valid = trackingNumberFromSerial(n);
        fc.pre(digit !== Number(valid[11]));
        expect(isValidTrackingNumber(withDigit(valid, 11, digit))).toBe(false);
      }),
    );
  });

  it('catches swapping two adjacent body digits unless they differ by 7 (or are equal)', () => {
    fc.assert(
      fc.property(serial, fc.integer({ min: 0, max: 9 }), (n, position) => {
        const valid = trackingNumberFromSerial(n);
        const a = valid[position]!;
        const b = valid[position + 1]!;
        const swapped = valid.slice(0, position) + b + a + valid.slice(position + 2);
        const undetectable = a === b || Math.abs(Number(a) - Number(b)) === 7;
        expect(isValidTrackingNumber(swapped)).toBe(undetectable);
      }),
    );
  });
});
