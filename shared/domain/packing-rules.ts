import { deliveryTimeMaxDaysAhead, japanesePhoneSchema, postalCodeSchema } from './orders';
import { suggestService, type ParcelService, type ParcelSizeClass } from './parcel-services';
import { addDays, tokyoDate } from './tokyo-time';

/**
 * The pack bench's rules that need nothing but the order: which service to suggest for a parcel, what is wrong with
 * a recipient, whether a promised Sagawa day can still be printed. Pure, so the station and any other caller (or a
 * test) get the same answer.
 */

/** A unit's size as the SKU master holds it; any of it may be unknown. */
export interface UnitDimensions {
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  weightG: number | null;
}

export type SuggestionNote = 'no-dimensions' | 'too-large' | 'too-heavy' | 'invalid-dimensions';

export interface ParcelSuggestion {
  service: ParcelService;
  /** Takkyubin / Sagawa size class; null for Nekopos or when there is no size-based suggestion. */
  sizeClass: ParcelSizeClass | null;
  /** Why there is no size-based suggestion; the default service is given instead. */
  note: SuggestionNote | null;
}

/**
 * The service by the packed size: every unit laid on its thinnest side and stacked, so the box is as long and wide
 * as the largest unit and as deep as the stack. One unit without dimensions leaves the parcel without a suggestion.
 */
export function suggestFor(contents: readonly { sku: UnitDimensions | null; quantity: number }[], timeSlotRequested: boolean): ParcelSuggestion {
  const fallback = (note: SuggestionNote): ParcelSuggestion => ({ service: timeSlotRequested ? 'sagawa' : 'yamato', sizeClass: null, note });
  const box = { lengthCm: 0, widthCm: 0, heightCm: 0, weightG: 0, timeSlotRequested };
  for (const { sku, quantity } of contents) {
    if (!sku || sku.lengthCm === null || sku.widthCm === null || sku.heightCm === null || sku.weightG === null) return fallback('no-dimensions');
    const [a, b, c] = [sku.lengthCm, sku.widthCm, sku.heightCm].sort((x, y) => y - x) as [number, number, number];
    box.lengthCm = Math.max(box.lengthCm, a);
    box.widthCm = Math.max(box.widthCm, b);
    box.heightCm += c * quantity;
    box.weightG += sku.weightG * quantity;
  }
  const suggestion = suggestService(box);
  if (!suggestion.ok) return fallback(suggestion.reason);
  return { service: suggestion.service, sizeClass: suggestion.service === 'nekopos' ? null : suggestion.sizeClass, note: null };
}

/** No label is printed without a postal code and an address; a phone that is not Japanese is only flagged. */
export type RecipientProblem = 'invalid-postal-code' | 'missing-address' | 'invalid-phone';

/** The recipient checks a label needs, by the same rules the hub imports orders with. */
export function recipientProblems(recipient: { postalCode?: string | null; address?: string | null; phone?: string | null }): RecipientProblem[] {
  const problems: RecipientProblem[] = [];
  if (!postalCodeSchema.safeParse(recipient.postalCode ?? '').success) problems.push('invalid-postal-code');
  if (!recipient.address?.trim()) problems.push('missing-address');
  if (!japanesePhoneSchema.safeParse(recipient.phone ?? '').success) problems.push('invalid-phone');
  return problems;
}

/** A Sagawa delivery day must still be ahead (today counts) and within the two days the carrier takes bookings for. */
export function deliveryDateProblem(date: string, now: Date): 'delivery-date-passed' | 'delivery-date-too-far' | null {
  const today = tokyoDate(now);
  if (date < today) return 'delivery-date-passed';
  return date > addDays(today, deliveryTimeMaxDaysAhead) ? 'delivery-date-too-far' : null;
}
