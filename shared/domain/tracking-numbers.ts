import { z } from 'zod';
import { reasonCode } from './reason-code';

/**
 * Tracking numbers in the Japanese carriers' style: 12 digits, the last being the first 11 read as a number,
 * mod 7. Mod 7 catches every single-digit slip except a change by exactly 7 (0↔7, 1↔8, 2↔9) and every adjacent
 * swap except of digits 7 apart; it is a typo guard, not a checksum in the cryptographic sense.
 *
 * The hub hands each station a block of consecutive serials so it can print labels while offline; a serial is
 * the 11-digit body read as a number.
 */
export const maxTrackingSerial = 99_999_999_999; // 11 nines: below 2^53, so plain numbers are exact

export function trackingCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('invalid-tracking-body');
  return Number(first11) % 7;
}

export function isValidTrackingNumber(text: string): boolean {
  return /^\d{12}$/.test(text) && trackingCheckDigit(text.slice(0, 11)) === Number(text.slice(11));
}

export const trackingNumberSchema = z
  .string({ error: reasonCode('invalid-tracking-number') })
  .regex(/^\d{12}$/, { abort: true }) // a wrong length has no check digit to complain about
  .refine(isValidTrackingNumber, { error: 'tracking-check-digit' });
export type TrackingNumber = z.infer<typeof trackingNumberSchema>;

export function trackingNumberFromSerial(serial: number): TrackingNumber {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial > maxTrackingSerial) {
    throw new RangeError('invalid-tracking-serial');
  }
  const body = String(serial).padStart(11, '0');
  return `${body}${serial % 7}`;
}

/** `count` consecutive tracking numbers starting at `startSerial`; the whole block must fit the 11-digit range. */
export function trackingBlock(startSerial: number, count: number): TrackingNumber[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('invalid-block-size');
  if (count > 0 && startSerial + count - 1 > maxTrackingSerial) throw new RangeError('tracking-serials-exhausted');
  const block: TrackingNumber[] = [];
  for (let i = 0; i < count; i++) block.push(trackingNumberFromSerial(startSerial + i));
  return block;
}

/** The serial a tracking number was made from, e.g. to record which of a station's block it used. */
export function trackingSerial(trackingNumber: TrackingNumber): number {
  return Number(trackingNumber.slice(0, 11));
}
