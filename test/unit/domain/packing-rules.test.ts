import { describe, expect, it } from 'vitest';
import { deliveryDateProblem, recipientProblems, suggestFor } from '../../../shared/domain/packing-rules';

describe('parcel service suggestion', () => {
  it('suggests Nekopos for a thin parcel, a takkyubin size otherwise, Sagawa for a time slot', () => {
    const thin = { lengthCm: 25, widthCm: 20, heightCm: 1, weightG: 100 };
    expect(suggestFor([{ sku: thin, quantity: 2 }], false)).toEqual({ service: 'nekopos', sizeClass: null, note: null });
    expect(suggestFor([{ sku: thin, quantity: 5 }], false)).toEqual({ service: 'yamato', sizeClass: 60, note: null });
    expect(suggestFor([{ sku: thin, quantity: 1 }], true)).toMatchObject({ service: 'sagawa' });
    expect(suggestFor([{ sku: null, quantity: 1 }], false)).toEqual({ service: 'yamato', sizeClass: null, note: 'no-dimensions' });
  });

  it('gives the default service with the reason when one unit lacks a size or the parcel is too large', () => {
    const known = { lengthCm: 10, widthCm: 10, heightCm: 10, weightG: 500 };
    const unknownWeight = { lengthCm: 10, widthCm: 10, heightCm: 10, weightG: null };
    expect(
      suggestFor(
        [
          { sku: known, quantity: 1 },
          { sku: unknownWeight, quantity: 1 },
        ],
        true,
      ),
    ).toEqual({ service: 'sagawa', sizeClass: null, note: 'no-dimensions' });
    expect(suggestFor([{ sku: { lengthCm: 150, widthCm: 60, heightCm: 60, weightG: 1000 }, quantity: 1 }], false)).toEqual({
      service: 'yamato',
      sizeClass: null,
      note: 'too-large',
    });
  });
});

describe('recipient problems', () => {
  it('flags a missing postal code and address, and a phone that is not Japanese', () => {
    expect(recipientProblems({ postalCode: '150-0001', address: '東京都渋谷区神宮前1-2-3', phone: '03-1234-5678' })).toEqual([]);
    expect(recipientProblems({ postalCode: '', address: '  ', phone: '+1 415 555 0100' })).toEqual(['invalid-postal-code', 'missing-address', 'invalid-phone']);
    expect(recipientProblems({ postalCode: '1500001', address: '東京都', phone: '' })).toEqual(['invalid-phone']);
  });
});

describe('Sagawa delivery day', () => {
  // 12:00 in Tokyo on 27 November 2026.
  const noon = new Date('2026-11-27T03:00:00Z');
  it('accepts today up to two days ahead in Japan time, refuses a day gone or too far', () => {
    expect(deliveryDateProblem('2026-11-27', noon)).toBeNull();
    expect(deliveryDateProblem('2026-11-29', noon)).toBeNull();
    expect(deliveryDateProblem('2026-11-26', noon)).toBe('delivery-date-passed');
    expect(deliveryDateProblem('2026-11-30', noon)).toBe('delivery-date-too-far');
  });

  it('counts the day by Tokyo, not UTC: at 00:30 in Tokyo yesterday (UTC) is already gone', () => {
    expect(deliveryDateProblem('2026-11-26', new Date('2026-11-26T15:30:00Z'))).toBe('delivery-date-passed');
  });
});
