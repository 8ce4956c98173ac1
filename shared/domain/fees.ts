import { z } from 'zod';
import { branchCodeSchema, branches, yenSchema, type Yen } from './identifiers';
import { parcelServices, parcelSizeClasses, type ParcelChoice, type ParcelSizeClass } from './parcel-services';
import { reasonCode } from './reason-code';
import { addMonths, type TokyoDate, type TokyoMonth } from './tokyo-time';

/**
 * What the warehouse charges a seller. Every amount except the storage rule (fixed by the QWMS agreement) is a
 * per-branch schedule kept as data, so a price change is a new schedule row, not a release. Yen are integers.
 */

/** Received units are priced by size: sum of the three sides of one unit as received. */
export const unitSizeClasses = ['small', 'medium', 'large'] as const;
export type UnitSizeClass = (typeof unitSizeClasses)[number];
const unitSizeClassSchema = z.enum(unitSizeClasses, { error: reasonCode('invalid-size-class') });

type ParcelSizeKey = `${ParcelSizeClass}`; // JSON object keys are strings
const parcelSizeKeys = parcelSizeClasses.map((c) => `${c.sizeClass}` as const) as [ParcelSizeKey, ...ParcelSizeKey[]];
const feeTableError = { error: reasonCode('invalid-fee-table') };
const byParcelSize = z.record(z.enum(parcelSizeKeys, feeTableError), yenSchema, feeTableError);
const byService = z.record(z.enum(parcelServices, feeTableError), yenSchema, feeTableError);

export const feeScheduleSchema = z.object(
  {
    branchCode: branchCodeSchema,
    currency: z.literal('JPY', { error: reasonCode('invalid-currency') }),
    /** In-housing fee (入库费), per unit received. */
    inHousingPerUnit: z.record(unitSizeClassSchema, yenSchema, feeTableError),
    /** The largest sum of sides (cm) of each unit size class; bigger units are quoted case by case. */
    unitSizeClassMaxSumOfSidesCm: z.record(unitSizeClassSchema, z.int(feeTableError).positive(), feeTableError),
    /** SKU labelling fee, per unit the warehouse labels (units that arrive labelled cost nothing). */
    skuLabellingPerUnit: yenSchema,
    /** Per parcel shipped: carriage by service (and size class where the carrier prices by size), handling, packing. */
    shippingPerParcel: z.object({ nekopos: yenSchema, yamato: byParcelSize, sagawa: byParcelSize }, feeTableError),
    handlingPerParcel: byService,
    packingPerParcel: byService,
  },
  { error: reasonCode('invalid-fee-schedule') },
);
export type FeeSchedule = z.infer<typeof feeScheduleSchema>;

/** The Funabashi schedule, at rates comparable Japanese 3PLs publish; the hub stores its own copy per branch. */
export const defaultFeeSchedule: FeeSchedule = {
  branchCode: branches.qxpressJapan,
  currency: 'JPY',
  inHousingPerUnit: { small: 30, medium: 40, large: 50 },
  unitSizeClassMaxSumOfSidesCm: { small: 60, medium: 100, large: 160 },
  skuLabellingPerUnit: 20,
  shippingPerParcel: {
    nekopos: 260,
    yamato: { 60: 580, 80: 680, 100: 860, 120: 1_020, 140: 1_180, 160: 1_350, 180: 1_750, 200: 2_050 },
    sagawa: { 60: 560, 80: 660, 100: 840, 120: 1_000, 140: 1_160, 160: 1_330, 180: 1_730, 200: 2_030 },
  },
  handlingPerParcel: { nekopos: 80, yamato: 120, sagawa: 120 },
  packingPerParcel: { nekopos: 30, yamato: 60, sagawa: 60 },
};

/** The size class of a unit whose three sides add up to `sumOfSidesCm`, or null when it needs a quote. */
export function unitSizeClass(sumOfSidesCm: number, schedule: FeeSchedule): UnitSizeClass | null {
  return unitSizeClasses.find((sizeClass) => sumOfSidesCm <= schedule.unitSizeClassMaxSumOfSidesCm[sizeClass]) ?? null;
}

/** One inspected line: how many units were received and how many of them the warehouse had to label. */
export type InboundFeeLine = { sizeClass: UnitSizeClass; units: number; unitsToLabel: number };
export type InboundFees = { inHousing: Yen; skuLabelling: Yen; total: Yen };

/** Charged to the seller's balance when inspection completes; see balanceCovers for the hold when it cannot be. */
export function inboundFees(lines: readonly InboundFeeLine[], schedule: FeeSchedule): InboundFees {
  let inHousing = 0;
  let skuLabelling = 0;
  for (const { sizeClass, units, unitsToLabel } of lines) {
    // Counts come from inspection, already validated; a bad one here is a bug, and billing must not guess.
    if (!isCount(units) || !isCount(unitsToLabel) || unitsToLabel > units) throw new RangeError('invalid-inbound-line');
    inHousing += units * schedule.inHousingPerUnit[sizeClass];
    skuLabelling += unitsToLabel * schedule.skuLabellingPerUnit;
  }
  return { inHousing, skuLabelling, total: inHousing + skuLabelling };
}

export type ParcelFees = { shipping: Yen; handling: Yen; packing: Yen; total: Yen };

export function parcelFees(choice: ParcelChoice, schedule: FeeSchedule): ParcelFees {
  const shipping = choice.service === 'nekopos' ? schedule.shippingPerParcel.nekopos : schedule.shippingPerParcel[choice.service][`${choice.sizeClass}`];
  const handling = schedule.handlingPerParcel[choice.service];
  const packing = schedule.packingPerParcel[choice.service];
  return { shipping, handling, packing, total: shipping + handling + packing };
}

/**
 * The storage rule of the QWMS agreement (§5): per SKU and calendar month, a SKU that shipped fewer than 10
 * units that month pays 30 JPY per unit left in stock at month end. Storage starts the month after the SKU's
 * first inbound ("入库当月不产生仓储费").
 */
export const storageRule = { minShippedToBeFree: 10, perUnitLeftYen: 30 } as const;

export type StorageFeeInput = {
  shippedInMonth: number;
  unitsLeft: number;
  /** The month of the SKU's first inbound. */
  inboundMonth: TokyoMonth;
  month: TokyoMonth;
};

export function storageFee({ shippedInMonth, unitsLeft, inboundMonth, month }: StorageFeeInput): Yen {
  if (!isCount(shippedInMonth) || !isCount(unitsLeft)) throw new RangeError('invalid-count');
  if (month <= inboundMonth) return 0;
  if (shippedInMonth >= storageRule.minShippedToBeFree) return 0;
  return unitsLeft * storageRule.perUnitLeftYen;
}

/** Whether a Q-cash balance pays `amount` in full; inbound and shipping wait (held, reason shown) when it does not. */
export function balanceCovers(balance: Yen, amount: Yen): boolean {
  return balance >= amount;
}

/**
 * The payment rules of the agreement (§6): a charge is due on the 20th (the first 20th on or after it was
 * billed); unpaid after that day, shipping is paused; still unpaid two months after that day, the service stops
 * (and the goods go back to the seller, cash on delivery).
 */
export const paymentRules = { dueDayOfMonth: 20, stopAfterMonthsOverdue: 2 } as const;

export type SellerServiceState = 'active' | 'shipping-paused' | 'stopped';

export function paymentDueDate(billedOn: TokyoDate): TokyoDate {
  const month = billedOn.slice(0, 7);
  const day = Number(billedOn.slice(8, 10));
  const dueMonth = day <= paymentRules.dueDayOfMonth ? month : addMonths(month, 1);
  return `${dueMonth}-${paymentRules.dueDayOfMonth}`;
}

export function sellerServiceState(input: { oldestUnpaidSince: TokyoDate | null; today: TokyoDate }): SellerServiceState {
  if (input.oldestUnpaidSince === null) return 'active';
  const due = paymentDueDate(input.oldestUnpaidSince);
  const stopAfter = `${addMonths(due.slice(0, 7), paymentRules.stopAfterMonthsOverdue)}-${paymentRules.dueDayOfMonth}`;
  if (input.today > stopAfter) return 'stopped';
  if (input.today > due) return 'shipping-paused';
  return 'active';
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
