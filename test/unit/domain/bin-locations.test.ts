import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binCodeSchema, compareBins, normaliseBinCode } from '../../../shared/domain/bin-locations';

const zone = fc.stringMatching(/^[A-Z]{1,3}$/);
const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const bin = fc.tuple(zone, twoDigits, twoDigits, twoDigits).map((parts) => parts.join('-'));

describe('binCodeSchema', () => {
  it('takes zone letters and three two-digit fields', () => {
    for (const code of ['A-01-02-03', 'AB-10-00-99', 'ZZZ-99-99-99']) expect(binCodeSchema.safeParse(code).success, code).toBe(true);
  });

  it('refuses SKUs, JANs, order numbers and near misses with the reason code invalid-bin', () => {
    for (const code of [
      '300001289771-00003',
      '4901234567894',
      '700000001',
      'a-01-02-03',
      'A-1-02-03',
      'A-01-02',
      'ABCD-01-02-03',
      'A-01-02-03 ',
      '1-01-02-03',
      'A_01_02_03',
    ]) {
      const parsed = binCodeSchema.safeParse(code);
      expect(parsed.success, code).toBe(false);
      expect(parsed.error?.issues[0]?.message, code).toBe('invalid-bin');
    }
  });

  it('says required for a missing value', () => {
    expect(binCodeSchema.safeParse(undefined).error?.issues[0]?.message).toBe('required');
  });
});

describe('normaliseBinCode', () => {
  it('reads full-width, lower-case and padded labels as the code they mean', () => {
    expect(normaliseBinCode('Ａ－０１－０２－０３')).toBe('A-01-02-03');
    expect(normaliseBinCode(' b-12-03-04\n')).toBe('B-12-03-04');
    expect(normaliseBinCode('ab\u221201\u221202\u221203')).toBe('AB-01-02-03');
  });

  it('answers null for anything that is not a bin', () => {
    for (const code of ['', '300001289771-00003', '4901234567894', 'A-01-02', 'A-001-02-03', 'ＳＫＵ']) expect(normaliseBinCode(code), code).toBeNull();
  });

  it('gives back every valid code unchanged, and only valid codes', () => {
    fc.assert(
      fc.property(bin, (code) => {
        expect(normaliseBinCode(code)).toBe(code);
        expect(normaliseBinCode(code.toLowerCase())).toBe(code);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const code = normaliseBinCode(text);
        if (code !== null) expect(binCodeSchema.safeParse(code).success).toBe(true);
      }),
    );
  });
});

describe('compareBins', () => {
  it('walks zone, then aisle, rack and level', () => {
    const walk = ['B-01-01-01', 'A-02-01-01', 'A-01-02-01', 'A-01-01-02', 'A-01-01-01', 'AA-01-01-01', 'A-10-01-01'].sort(compareBins);
    expect(walk).toEqual(['A-01-01-01', 'A-01-01-02', 'A-01-02-01', 'A-02-01-01', 'A-10-01-01', 'B-01-01-01', 'AA-01-01-01']);
  });

  it('puts a SKU without a bin after every shelved one', () => {
    expect([null, 'C-01-01-01', '', 'A-01-01-01'].sort(compareBins)).toEqual(['A-01-01-01', 'C-01-01-01', null, '']);
    expect(compareBins(null, null)).toBe(0);
    expect(compareBins(null, 'A-01-01-01')).toBeGreaterThan(0);
    expect(compareBins('A-01-01-01', undefined)).toBeLessThan(0);
  });

  it('is a total order on valid codes: antisymmetric, transitive, and zero only for the same code', () => {
    fc.assert(
      fc.property(bin, bin, bin, (a, b, c) => {
        expect(Math.sign(compareBins(a, b))).toBe(-Math.sign(compareBins(b, a)));
        expect(compareBins(a, b) === 0).toBe(a === b);
        if (compareBins(a, b) <= 0 && compareBins(b, c) <= 0) expect(compareBins(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('agrees with text order within a zone of one length', () => {
    fc.assert(
      fc.property(bin, bin, (a, b) => {
        fc.pre(a.indexOf('-') === b.indexOf('-'));
        expect(Math.sign(compareBins(a, b))).toBe(Math.sign(a < b ? -1 : a > b ? 1 : 0));
      }),
    );
  });
});
