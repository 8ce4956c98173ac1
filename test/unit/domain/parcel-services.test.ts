import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nekoposLimits, parcelServiceRules, parcelSizeClasses, suggestService } from '../../../shared/domain/parcel-services';

const parcel = (lengthCm: number, widthCm: number, heightCm: number, weightG: number, timeSlotRequested = false) => ({
  lengthCm,
  widthCm,
  heightCm,
  weightG,
  timeSlotRequested,
});

describe('suggestService', () => {
  it('chooses Nekopos at exactly its limits: 3 cm thick, 34 cm long, 60 cm sum, 1 kg', () => {
    expect(suggestService(parcel(34, 23, 3, 1000))).toEqual({ ok: true, service: 'nekopos' });
  });

  it('leaves Nekopos for Yamato one step over any limit', () => {
    for (const over of [parcel(34, 23, 3.1, 500), parcel(34.5, 20, 2, 500), parcel(34, 24, 3, 500), parcel(30, 20, 2, 1001)]) {
      expect(suggestService(over)).toMatchObject({ ok: true, service: 'yamato' });
    }
  });

  it('chooses Sagawa whenever a time slot is asked for, even for a Nekopos-sized parcel', () => {
    expect(suggestService(parcel(20, 15, 2, 200, true))).toEqual({ ok: true, service: 'sagawa', sizeClass: 60 });
    expect(suggestService(parcel(50, 40, 30, 9000, true))).toEqual({ ok: true, service: 'sagawa', sizeClass: 120 });
  });

  it('gives Yamato the size class by sum of sides: 60 cm → 60, 61 cm → 80, 200 cm → 200', () => {
    expect(suggestService(parcel(30, 20, 10, 500))).toEqual({ ok: true, service: 'yamato', sizeClass: 60 });
    expect(suggestService(parcel(31, 20, 10, 500))).toEqual({ ok: true, service: 'yamato', sizeClass: 80 });
    expect(suggestService(parcel(100, 60, 40, 500))).toEqual({ ok: true, service: 'yamato', sizeClass: 200 });
  });

  it('moves up a class when the weight needs it: 60 cm but 2.1 kg → 80; 60 cm and 12 kg → 120', () => {
    expect(suggestService(parcel(30, 20, 10, 2000))).toMatchObject({ sizeClass: 60 });
    expect(suggestService(parcel(30, 20, 10, 2100))).toMatchObject({ sizeClass: 80 });
    expect(suggestService(parcel(30, 20, 10, 12_000))).toMatchObject({ sizeClass: 120 });
  });

  it('refuses beyond 200 cm as too-large and beyond 30 kg as too-heavy', () => {
    expect(suggestService(parcel(100, 60, 41, 500))).toEqual({ ok: false, reason: 'too-large' });
    expect(suggestService(parcel(40, 30, 20, 30_001))).toEqual({ ok: false, reason: 'too-heavy' });
  });

  it('refuses zero, negative or missing measurements as invalid-dimensions', () => {
    expect(suggestService(parcel(0, 10, 10, 100))).toEqual({ ok: false, reason: 'invalid-dimensions' });
    expect(suggestService(parcel(10, -1, 10, 100))).toEqual({ ok: false, reason: 'invalid-dimensions' });
    expect(suggestService(parcel(10, 10, Number.NaN, 100))).toEqual({ ok: false, reason: 'invalid-dimensions' });
  });

  it('does not care which side is called length, and never suggests a class that breaks a limit', () => {
    const side = fc.integer({ min: 1, max: 120 });
    fc.assert(
      fc.property(side, side, side, fc.integer({ min: 0, max: 35_000 }), fc.boolean(), (a, b, c, weightG, slot) => {
        const suggestion = suggestService(parcel(a, b, c, weightG, slot));
        for (const [x, y, z] of [
          [b, c, a],
          [c, a, b],
          [b, a, c],
        ] as const) {
          expect(suggestService(parcel(x, y, z, weightG, slot))).toEqual(suggestion);
        }
        if (!suggestion.ok) return;
        if (suggestion.service === 'nekopos') {
          expect(slot).toBe(false);
          expect(Math.min(a, b, c)).toBeLessThanOrEqual(nekoposLimits.maxThicknessCm);
          expect(weightG).toBeLessThanOrEqual(nekoposLimits.maxWeightG);
          return;
        }
        expect(suggestion.service).toBe(slot ? 'sagawa' : 'yamato');
        const index = parcelSizeClasses.findIndex((c) => c.sizeClass === suggestion.sizeClass);
        const chosen = parcelSizeClasses[index]!;
        expect(a + b + c).toBeLessThanOrEqual(chosen.maxSumOfSidesCm);
        expect(weightG).toBeLessThanOrEqual(chosen.maxWeightG);
        const smaller = parcelSizeClasses[index - 1];
        if (smaller) expect(a + b + c > smaller.maxSumOfSidesCm || weightG > smaller.maxWeightG).toBe(true);
      }),
    );
  });
});

describe('service rules as data', () => {
  it('compensates Nekopos up to 3,000 JPY and Sagawa up to 300,000 JPY; only Sagawa takes time slots', () => {
    expect(parcelServiceRules.nekopos.compensationLimitYen).toBe(3000);
    expect(parcelServiceRules.sagawa.compensationLimitYen).toBe(300_000);
    expect(
      Object.entries(parcelServiceRules)
        .filter(([, rules]) => rules.offersTimeSlots)
        .map(([s]) => s),
    ).toEqual(['sagawa']);
  });
});
