import { z } from 'zod';
import { parcelServices, sagawaTimeSlots } from '../domain/parcel-services';
import { printJobStatusSchema } from './schemas';

/** Why the pack bench refused a scan or a step; each is an i18n key `packing.reasons.<code>`. */
export const packingRefusals = [
  'unknown-order',
  'order-other-branch',
  'order-not-packable',
  'unknown-item',
  'not-in-order',
  'extra-item',
  'not-complete',
  'already-labelled',
  'not-labelled',
  'no-tracking-numbers',
  'time-slot-sagawa-only',
  'label-mismatch',
  'already-shipped',
  'invalid-postal-code',
  'missing-address',
  'delivery-date-passed',
  'delivery-date-too-far',
] as const;
export type PackingRefusal = (typeof packingRefusals)[number];

/**
 * What is wrong with an order's recipient, found when the order is opened so the packer can set it aside before
 * packing: no label is printed without a postal code and an address; a phone that is not Japanese is only flagged
 * (the carrier may not reach the buyer, but the parcel can still be delivered).
 */
export const recipientProblemCodes = ['invalid-postal-code', 'missing-address', 'invalid-phone'] as const;
export type RecipientProblem = (typeof recipientProblemCodes)[number];

/** Where an order is on this bench: the hub's state moved on by this station's own events the hub may not have yet. */
export const packStates = ['allocated', 'picked', 'packed', 'in_transit'] as const;

export const packLineSchema = z.object({
  sku: z.string(),
  itemName: z.string(),
  optionName: z.string(),
  jan: z.string().nullable(),
  expected: z.int(),
  packed: z.int(),
});
export type PackLine = z.infer<typeof packLineSchema>;

export const serviceSuggestionSchema = z.object({
  service: z.enum(parcelServices),
  /** Takkyubin / Sagawa size class; null for Nekopos or when the SKUs have no dimensions. */
  sizeClass: z.int().nullable(),
  /** Why there is no size-based suggestion (dimensions unknown, too large …); the default service is given instead. */
  note: z.enum(['no-dimensions', 'too-large', 'too-heavy', 'invalid-dimensions']).nullable(),
});

export const packOrderSchema = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  cartNo: z.string().nullable(),
  sellerId: z.string(),
  recipientName: z.string(),
  recipientProblems: z.array(z.enum(recipientProblemCodes)),
  state: z.enum(packStates),
  lines: z.array(packLineSchema),
  /** Every unit scanned against the order. */
  complete: z.boolean(),
  /** The buyer asked for a delivery time slot (Sagawa only). */
  requestedTimeSlot: z.enum(sagawaTimeSlots).nullable(),
  /** The day the buyer asked for (YYYY-MM-DD, Tokyo), printed with a Sagawa slot; null when none. */
  requestedDeliveryDate: z.string().nullable(),
  suggestion: serviceSuggestionSchema,
  service: z.enum(parcelServices).nullable(),
  timeSlot: z.enum(sagawaTimeSlots).nullable(),
  trackingNumber: z.string().nullable(),
});
export type PackOrder = z.infer<typeof packOrderSchema>;

export const packViewSchema = z.object({
  /** The order(s) found by the scanned order, cart or management number, at this branch. */
  orders: z.array(packOrderSchema),
  /** Why nothing was found to pack (unknown code, another branch's order, all shipped). */
  refusal: z.enum(packingRefusals).nullable(),
  /** Tracking numbers left in this station's blocks. */
  trackingNumbersLeft: z.int(),
  /** The pick list the scan named, when it named one (its orders are the bench). */
  pickListId: z.string().nullable(),
});
export type PackView = z.infer<typeof packViewSchema>;

export const packStepResultSchema = z.object({
  verdict: z.enum(['accepted', 'complete', 'refused']),
  refusal: z.enum(packingRefusals).nullable(),
  /** The SKU the scan matched, if any. */
  sku: z.string().nullable(),
  order: packOrderSchema,
});
export type PackStepResult = z.infer<typeof packStepResultSchema>;

export const packLabelResultSchema = packStepResultSchema.extend({
  /** The shipping-label print job (its status), when a label was printed. */
  job: printJobStatusSchema.nullable(),
});
export type PackLabelResult = z.infer<typeof packLabelResultSchema>;
