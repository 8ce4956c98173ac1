import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  branchCodeSchema,
  branches,
  branchNames,
  formatSku,
  gtinCheckDigit,
  inventoryCodeSchema,
  isValidJan,
  janSchema,
  optionCodeSchema,
  parseSku,
  sellerIdSchema,
  skuSchema,
  yenDeltaSchema,
  yenSchema,
} from '../../../shared/domain/identifiers';

function refusal(schema: { safeParse(value: unknown): { error?: { issues: { message: string }[] } } }, value: unknown) {
  return schema.safeParse(value).error?.issues.map((issue) => issue.message);
}

describe('seller id', () => {
  it('accepts Qoo10 shop ids of letters, digits, underscore, dot and hyphen up to 50 characters', () => {
    for (const id of ['a', 'shop_01.jp-x', 'X'.repeat(50)]) expect(sellerIdSchema.parse(id)).toBe(id);
  });

  it('refuses empty, 51 characters, spaces and Japanese with invalid-seller-id, and missing with required', () => {
    for (const id of ['', 'X'.repeat(51), 'my shop', 'ショップ', 'shop/1']) {
      expect(refusal(sellerIdSchema, id)).toEqual(['invalid-seller-id']);
    }
    expect(refusal(sellerIdSchema, undefined)).toEqual(['required']);
    expect(refusal(sellerIdSchema, 42)).toEqual(['invalid-seller-id']);
  });
});

describe('branch code', () => {
  it('knows Qxpress JP Tokyo as 0000011520 and has a Korean branch, both valid codes with names', () => {
    expect(branches.qxpressJapan).toBe('0000011520');
    expect(branchNames[branches.qxpressJapan]).toBe('Qxpress JP Tokyo');
    expect(branchNames[branches.qxpressKoreaSeoul]).toBe('Qxpress KR Seoul');
    for (const code of Object.values(branches)) expect(branchCodeSchema.parse(code)).toBe(code);
  });

  it('keeps leading zeros and refuses other lengths or a number', () => {
    expect(refusal(branchCodeSchema, '000011520')).toEqual(['invalid-branch-code']);
    expect(refusal(branchCodeSchema, 11520)).toEqual(['invalid-branch-code']);
  });
});

describe('Q-inventory code and option code', () => {
  it('accepts 12 digits starting with 3 and 5-digit option codes', () => {
    expect(inventoryCodeSchema.parse('300001289771')).toBe('300001289771');
    expect(optionCodeSchema.parse('00003')).toBe('00003');
  });

  it('refuses an inventory code not starting with 3 or of 11/13 digits, and 4/6-digit options', () => {
    for (const code of ['200001289771', '30000128977', '3000012897710']) {
      expect(refusal(inventoryCodeSchema, code)).toEqual(['invalid-inventory-code']);
    }
    for (const code of ['0003', '000003', 'abcde']) expect(refusal(optionCodeSchema, code)).toEqual(['invalid-option-code']);
  });
});

describe('SKU', () => {
  it('parses the canonical 300001289771-00003 into its parts and formats it back', () => {
    expect(parseSku('300001289771-00003')).toEqual({ inventoryCode: '300001289771', optionCode: '00003' });
    expect(formatSku({ inventoryCode: '300001289771', optionCode: '00003' })).toBe('300001289771-00003');
  });

  it('accepts the slash and colon forms QSM screens show and normalises them to the hyphen form', () => {
    expect(skuSchema.parse('300001289772/00001')).toBe('300001289772-00001');
    expect(skuSchema.parse('300001289772:00003')).toBe('300001289772-00003');
  });

  it('refuses short option codes, spaces, missing separator and non-3 inventory codes', () => {
    for (const text of ['300001289771-0003', '300001289771 00003', '30000128977100003', '200001289771-00003']) {
      expect(parseSku(text)).toBeNull();
      expect(refusal(skuSchema, text)).toEqual(['invalid-sku']);
    }
  });

  it('round-trips any valid pair of codes', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(digits(11), digits(5), (rest, optionCode) => {
        const parts = { inventoryCode: `3${rest}`, optionCode };
        expect(parseSku(formatSku(parts))).toEqual(parts);
        expect(skuSchema.parse(formatSku(parts))).toBe(formatSku(parts));
      }),
    );
  });
});

describe('JAN / GTIN', () => {
  it('accepts published examples of EAN-13, EAN-8 and UPC-A (GTIN-12)', () => {
    for (const code of ['4006381333931', '96385074', '036000291452', '4902102072670']) {
      expect(janSchema.parse(code)).toBe(code);
    }
  });

  it('refuses a wrong check digit with jan-check-digit and other lengths with invalid-jan', () => {
    expect(refusal(janSchema, '4006381333932')).toEqual(['jan-check-digit']);
    expect(refusal(janSchema, '96385075')).toEqual(['jan-check-digit']);
    for (const code of ['400638133393', '1234567890', '40063813339310', '400638133393X']) {
      // 12 digits is a GTIN-12 length, so that one fails on its check digit rather than its length.
      expect(refusal(janSchema, code)).toEqual([code.length === 12 && /^\d+$/.test(code) ? 'jan-check-digit' : 'invalid-jan']);
    }
  });

  it('keeps leading zeros: the code is a string, never a number', () => {
    expect(janSchema.parse('036000291452')).toBe('036000291452');
    expect(refusal(janSchema, 36000291452)).toEqual(['invalid-jan']);
  });

  it('for any body, exactly one final digit validates: the computed check digit', () => {
    const body = fc.constantFrom(7, 11, 12).chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }));
    fc.assert(
      fc.property(body, (digits) => {
        const valid = [...'0123456789'].filter((last) => isValidJan(digits + last));
        expect(valid).toEqual([String(gtinCheckDigit(digits))]);
      }),
    );
  });
});

describe('yen', () => {
  it('accepts zero and whole positive amounts; deltas may be negative', () => {
    expect(yenSchema.parse(0)).toBe(0);
    expect(yenSchema.parse(300_000)).toBe(300_000);
    expect(yenDeltaSchema.parse(-600)).toBe(-600);
  });

  it('refuses fractions, unsafe integers and strings with invalid-yen, and negatives with negative-yen', () => {
    for (const amount of [1.5, 2 ** 53, '600', Number.NaN]) expect(refusal(yenSchema, amount)).toEqual(['invalid-yen']);
    expect(refusal(yenSchema, -1)).toEqual(['negative-yen']);
    expect(refusal(yenDeltaSchema, 0.5)).toEqual(['invalid-yen']);
  });
});
