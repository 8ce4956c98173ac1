import { describe, expect, it } from 'vitest';
import {
  balanceCovers,
  defaultFeeSchedule,
  feeScheduleSchema,
  inboundFees,
  parcelFees,
  paymentDueDate,
  sellerServiceState,
  storageFee,
  unitSizeClass,
} from '../../../shared/domain/fees';
import { branches } from '../../../shared/domain/identifiers';

describe('storage fee', () => {
  it("the manual's example: 5 shipped in November, 20 left → 20 × 30 = 600 JPY", () => {
    expect(storageFee({ shippedInMonth: 5, unitsLeft: 20, inboundMonth: '2024-09', month: '2024-11' })).toBe(600);
  });

  it('is free from 10 units shipped in the month; 9 shipped still pays', () => {
    expect(storageFee({ shippedInMonth: 10, unitsLeft: 20, inboundMonth: '2024-09', month: '2024-11' })).toBe(0);
    expect(storageFee({ shippedInMonth: 9, unitsLeft: 20, inboundMonth: '2024-09', month: '2024-11' })).toBe(20 * 30);
  });

  it('is free in the month of first inbound and charged from the month after, also across a year end', () => {
    expect(storageFee({ shippedInMonth: 0, unitsLeft: 20, inboundMonth: '2024-11', month: '2024-11' })).toBe(0);
    expect(storageFee({ shippedInMonth: 0, unitsLeft: 20, inboundMonth: '2024-12', month: '2025-01' })).toBe(600);
  });

  it('is nothing for a month before the SKU ever came in, or with no stock left', () => {
    expect(storageFee({ shippedInMonth: 0, unitsLeft: 20, inboundMonth: '2024-11', month: '2024-10' })).toBe(0);
    expect(storageFee({ shippedInMonth: 0, unitsLeft: 0, inboundMonth: '2024-01', month: '2024-11' })).toBe(0);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => storageFee({ shippedInMonth: -1, unitsLeft: 20, inboundMonth: '2024-01', month: '2024-11' })).toThrow('invalid-count');
    expect(() => storageFee({ shippedInMonth: 0, unitsLeft: 2.5, inboundMonth: '2024-01', month: '2024-11' })).toThrow('invalid-count');
  });
});

describe('default fee schedule', () => {
  it('is valid data for Qxpress Japan in integer yen, within the published ranges', () => {
    const schedule = feeScheduleSchema.parse(defaultFeeSchedule);
    expect(schedule.branchCode).toBe(branches.qxpressJapan);
    for (const perUnit of Object.values(schedule.inHousingPerUnit)) {
      expect(perUnit).toBeGreaterThanOrEqual(30);
      expect(perUnit).toBeLessThanOrEqual(50);
    }
    expect(schedule.skuLabellingPerUnit).toBe(20);
    expect(schedule.shippingPerParcel.nekopos).toBe(260);
    expect(schedule.shippingPerParcel.yamato['60']).toBe(580);
  });

  it('charges more for a bigger Yamato or Sagawa class, never less', () => {
    for (const service of ['yamato', 'sagawa'] as const) {
      const prices = Object.entries(defaultFeeSchedule.shippingPerParcel[service])
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, yen]) => yen);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
    }
  });

  it('rejects a schedule missing a size class or with a fractional fee', () => {
    const { 200: _dropped, ...yamatoWithout200 } = defaultFeeSchedule.shippingPerParcel.yamato;
    const missing = { ...defaultFeeSchedule, shippingPerParcel: { ...defaultFeeSchedule.shippingPerParcel, yamato: yamatoWithout200 } };
    expect(feeScheduleSchema.safeParse(missing).success).toBe(false);
    expect(feeScheduleSchema.safeParse({ ...defaultFeeSchedule, skuLabellingPerUnit: 20.5 }).error?.issues[0]?.message).toBe('invalid-yen');
  });
});

describe('inbound fees', () => {
  const schedule = defaultFeeSchedule;

  it('charges in-housing per unit by size class and labelling only for units the warehouse labels', () => {
    const fees = inboundFees(
      [
        { sizeClass: 'small', units: 50, unitsToLabel: 50 },
        { sizeClass: 'large', units: 10, unitsToLabel: 0 },
      ],
      schedule,
    );
    const inHousing = 50 * schedule.inHousingPerUnit.small + 10 * schedule.inHousingPerUnit.large;
    expect(fees).toEqual({ inHousing, skuLabelling: 50 * schedule.skuLabellingPerUnit, total: inHousing + 50 * schedule.skuLabellingPerUnit });
  });

  it('is zero for no lines, and refuses labelling more units than arrived', () => {
    expect(inboundFees([], schedule)).toEqual({ inHousing: 0, skuLabelling: 0, total: 0 });
    expect(() => inboundFees([{ sizeClass: 'small', units: 1, unitsToLabel: 2 }], schedule)).toThrow('invalid-inbound-line');
  });

  it('classes a unit by the sum of its sides, with limits inclusive, and none past the largest', () => {
    const limits = schedule.unitSizeClassMaxSumOfSidesCm;
    expect(unitSizeClass(limits.small, schedule)).toBe('small');
    expect(unitSizeClass(limits.small + 1, schedule)).toBe('medium');
    expect(unitSizeClass(limits.large, schedule)).toBe('large');
    expect(unitSizeClass(limits.large + 1, schedule)).toBeNull();
  });
});

describe('parcel fees', () => {
  it('adds shipping by service and size class, handling and packing', () => {
    const s = defaultFeeSchedule;
    expect(parcelFees({ service: 'nekopos' }, s).total).toBe(s.shippingPerParcel.nekopos + s.handlingPerParcel.nekopos + s.packingPerParcel.nekopos);
    expect(parcelFees({ service: 'sagawa', sizeClass: 100 }, s)).toEqual({
      shipping: s.shippingPerParcel.sagawa['100'],
      handling: s.handlingPerParcel.sagawa,
      packing: s.packingPerParcel.sagawa,
      total: s.shippingPerParcel.sagawa['100'] + s.handlingPerParcel.sagawa + s.packingPerParcel.sagawa,
    });
  });
});

describe('balance', () => {
  it('covers an amount equal to it, not one yen more', () => {
    expect(balanceCovers(600, 600)).toBe(true);
    expect(balanceCovers(599, 600)).toBe(false);
    expect(balanceCovers(0, 0)).toBe(true);
  });
});

describe('seller service state', () => {
  it('is active with nothing unpaid', () => {
    expect(sellerServiceState({ oldestUnpaidSince: null, today: '2024-11-30' })).toBe('active');
  });

  it('billed 15 Nov: due 20 Nov; paused from 21 Nov; stopped from 21 Jan, two months after the due day', () => {
    const billed = '2024-11-15';
    expect(paymentDueDate(billed)).toBe('2024-11-20');
    expect(sellerServiceState({ oldestUnpaidSince: billed, today: '2024-11-20' })).toBe('active');
    expect(sellerServiceState({ oldestUnpaidSince: billed, today: '2024-11-21' })).toBe('shipping-paused');
    expect(sellerServiceState({ oldestUnpaidSince: billed, today: '2025-01-20' })).toBe('shipping-paused');
    expect(sellerServiceState({ oldestUnpaidSince: billed, today: '2025-01-21' })).toBe('stopped');
  });

  it('billed on the 20th is due that day; billed on the 21st is due the next month', () => {
    expect(paymentDueDate('2024-11-20')).toBe('2024-11-20');
    expect(paymentDueDate('2024-11-21')).toBe('2024-12-20');
    expect(paymentDueDate('2024-12-25')).toBe('2025-01-20');
    expect(sellerServiceState({ oldestUnpaidSince: '2024-11-21', today: '2024-12-20' })).toBe('active');
    expect(sellerServiceState({ oldestUnpaidSince: '2024-11-21', today: '2024-12-21' })).toBe('shipping-paused');
  });
});
