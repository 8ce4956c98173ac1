import { z } from 'zod';
import { reasonCode } from './reason-code';

/** The services the Funabashi warehouse ships with. */
export const parcelServices = ['nekopos', 'yamato', 'sagawa'] as const;
export type ParcelService = (typeof parcelServices)[number];
export const parcelServiceSchema = z.enum(parcelServices, { error: reasonCode('invalid-parcel-service') });

export type ParcelServiceRules = {
  /** Whether the buyer or seller may ask for a delivery date and time slot. */
  offersTimeSlots: boolean;
  /** The carrier's liability limit per parcel, in yen. */
  compensationLimitYen: number;
};

export const parcelServiceRules: Readonly<Record<ParcelService, ParcelServiceRules>> = {
  nekopos: { offersTimeSlots: false, compensationLimitYen: 3_000 },
  sagawa: { offersTimeSlots: true, compensationLimitYen: 300_000 },
  // The manual gives no figure for Yamato; 300,000 JPY is Yamato's published limit for 宅急便. Time slots are
  // Sagawa-only in the manual, so this warehouse does not offer them on Yamato even though Yamato could.
  yamato: { offersTimeSlots: false, compensationLimitYen: 300_000 },
};

/** Sagawa's delivery time slots (時間帯指定): morning, then two-hour windows, the last one overlapping. */
export const sagawaTimeSlots = ['morning', '12-14', '14-16', '16-18', '18-20', '19-21'] as const;
export type SagawaTimeSlot = (typeof sagawaTimeSlots)[number];
export const sagawaTimeSlotSchema = z.enum(sagawaTimeSlots, { error: reasonCode('invalid-time-slot') });

/** Nekopos (a letter-box parcel): the packed order must fit all of these, and nobody may ask for a time slot. */
export const nekoposLimits = { maxThicknessCm: 3, maxLongSideCm: 34, maxSumOfSidesCm: 60, maxWeightG: 1_000 } as const;

/**
 * Takkyubin size classes (60 サイズ …): a parcel takes the smallest class whose side sum and weight limit both
 * hold. The same table serves Sagawa, whose classes match for everything we ship.
 */
export const parcelSizeClasses = [
  { sizeClass: 60, maxSumOfSidesCm: 60, maxWeightG: 2_000 },
  { sizeClass: 80, maxSumOfSidesCm: 80, maxWeightG: 5_000 },
  { sizeClass: 100, maxSumOfSidesCm: 100, maxWeightG: 10_000 },
  { sizeClass: 120, maxSumOfSidesCm: 120, maxWeightG: 15_000 },
  { sizeClass: 140, maxSumOfSidesCm: 140, maxWeightG: 20_000 },
  { sizeClass: 160, maxSumOfSidesCm: 160, maxWeightG: 25_000 },
  { sizeClass: 180, maxSumOfSidesCm: 180, maxWeightG: 30_000 },
  { sizeClass: 200, maxSumOfSidesCm: 200, maxWeightG: 30_000 },
] as const;
export type ParcelSizeClass = (typeof parcelSizeClasses)[number]['sizeClass'];

export type PackedParcel = {
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  weightG: number;
  timeSlotRequested: boolean;
};

export type ParcelChoice = { service: 'nekopos' } | { service: 'yamato' | 'sagawa'; sizeClass: ParcelSizeClass };

export type ServiceSuggestion = ({ ok: true } & ParcelChoice) | { ok: false; reason: 'too-large' | 'too-heavy' | 'invalid-dimensions' };

/** The station's suggestion for a packed order; the packer may override it and the choice is recorded. */
export function suggestService(parcel: PackedParcel): ServiceSuggestion {
  const { lengthCm, widthCm, heightCm, weightG, timeSlotRequested } = parcel;
  const sides = [lengthCm, widthCm, heightCm];
  if (!sides.every((side) => Number.isFinite(side) && side > 0) || !Number.isFinite(weightG) || weightG < 0) {
    return { ok: false, reason: 'invalid-dimensions' };
  }
  const thickness = Math.min(...sides);
  const longSide = Math.max(...sides);
  const sumOfSides = lengthCm + widthCm + heightCm;

  if (
    !timeSlotRequested &&
    thickness <= nekoposLimits.maxThicknessCm &&
    longSide <= nekoposLimits.maxLongSideCm &&
    sumOfSides <= nekoposLimits.maxSumOfSidesCm &&
    weightG <= nekoposLimits.maxWeightG
  ) {
    return { ok: true, service: 'nekopos' };
  }

  const largest = parcelSizeClasses[parcelSizeClasses.length - 1]!;
  if (sumOfSides > largest.maxSumOfSidesCm) return { ok: false, reason: 'too-large' };
  if (weightG > largest.maxWeightG) return { ok: false, reason: 'too-heavy' };
  // The first class satisfying both limits is the larger of "class by size" and "class by weight".
  const fit = parcelSizeClasses.find((c) => sumOfSides <= c.maxSumOfSidesCm && weightG <= c.maxWeightG)!;
  return { ok: true, service: timeSlotRequested ? 'sagawa' : 'yamato', sizeClass: fit.sizeClass };
}
