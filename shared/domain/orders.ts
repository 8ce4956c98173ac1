import { z } from 'zod';
import { sellerIdSchema, skuSchema } from './identifiers';
import { parcelServiceRules, parcelServiceSchema, sagawaTimeSlotSchema } from './parcel-services';
import { reasonCode } from './reason-code';
import { normalizeWidth, plainTextSchema } from './text';
import { addDays, tokyoDate, tokyoDateSchema } from './tokyo-time';

/**
 * The two kinds of order the warehouse ships: Qoo10 orders that arrive paid (买家已付款), and other-platform
 * shipments the seller registers under a management number (管理号码). Both ship to an address in Japan.
 */

/** Japanese postal code, accepted as 123-4567, 1234567, full-width or after a 〒 mark; always `123-4567` after parsing. */
export function normalizePostalCode(text: string): string | null {
  const match = /^(\d{3})-?(\d{4})$/.exec(normalizeWidth(text).replace(/^〒/, '').trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

export const postalCodeSchema = z.string({ error: reasonCode('invalid-postal-code') }).transform((text, ctx) => {
  const normalized = normalizePostalCode(text);
  if (normalized === null) ctx.addIssue({ code: 'custom', message: 'invalid-postal-code', input: text });
  return normalized ?? z.NEVER;
});

/**
 * A Japanese phone number as digits only, trunk 0 included: 03-1234-5678 → 0312345678, 090-1234-5678 →
 * 09012345678. Hyphens, spaces and the parentheses of 03(1234)5678 are separators; full-width digits count;
 * +81 (with or without the (0) people add after it) becomes the leading 0. Digits only, because where the hyphens
 * go depends on the area code and carriers' label software places them itself.
 */
export function normalizeJapanesePhone(text: string): string | null {
  let digits = normalizeWidth(text)
    .trim()
    .replace(/[-\s()]/g, '');
  if (digits.startsWith('+81')) {
    const national = digits.slice(3);
    digits = national.startsWith('0') ? national : `0${national}`;
  }
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

export const japanesePhoneSchema = z.string({ error: reasonCode('invalid-phone') }).transform((text, ctx) => {
  const normalized = normalizeJapanesePhone(text);
  if (normalized === null) ctx.addIssue({ code: 'custom', message: 'invalid-phone', input: text });
  return normalized ?? z.NEVER;
});

export const recipientSchema = z.object(
  {
    name: plainTextSchema(100),
    phone: japanesePhoneSchema,
    postalCode: postalCodeSchema,
    address: plainTextSchema(255),
  },
  { error: reasonCode('invalid-recipient') },
);
export type Recipient = z.output<typeof recipientSchema>;

/** A timestamp with its zone: `Z` or an offset such as +09:00, which is how Japanese systems usually write it. */
export const timestampSchema = z.iso.datetime({ offset: true, error: reasonCode('invalid-timestamp') });

export const orderQuantitySchema = z
  .int({ error: reasonCode('invalid-quantity') })
  .min(1)
  .max(999);

export const qoo10OrderNoSchema = z.string({ error: reasonCode('invalid-order-no') }).regex(/^\d{1,20}$/);
export const qoo10CartNoSchema = z.string({ error: reasonCode('invalid-cart-no') }).regex(/^\d{1,20}$/);
/** The Qoo10 listing (商品代码). */
export const qoo10ItemNoSchema = z.string({ error: reasonCode('invalid-item-no') }).regex(/^[0-9A-Za-z]{1,20}$/);

/**
 * The option ordered. A listing linked to a Q-inventory code carries the SKU; an unlinked one only its option
 * label (サイズ XS), which is exactly the order the allocator must hold as not linked, so either is enough.
 */
export const orderOptionSchema = z
  .object(
    {
      sku: skuSchema.optional(),
      label: plainTextSchema(200).optional(),
    },
    { error: reasonCode('invalid-option') },
  )
  .refine((option) => option.sku !== undefined || option.label !== undefined, { error: 'option-missing' });

/** One line of a Qoo10 order in 买家已付款 (buyer paid). Each line has its own order no.; a cart groups lines. */
export const qoo10PaidOrderSchema = z.object(
  {
    sellerId: sellerIdSchema,
    orderNo: qoo10OrderNoSchema,
    cartNo: qoo10CartNoSchema,
    itemNo: qoo10ItemNoSchema,
    option: orderOptionSchema,
    quantity: orderQuantitySchema,
    recipient: recipientSchema,
    paidAt: timestampSchema,
    /** The listing's scheduled ship date (发货预订日); never shipped before it. */
    desiredShipDate: tokyoDateSchema.optional(),
    /** The listing promises shipping within 14 days: such orders yield to normal ones when stock is short. */
    shipsWithin14Days: z.boolean({ error: reasonCode('invalid-flag') }).default(false),
  },
  { error: reasonCode('invalid-order') },
);
export type Qoo10PaidOrder = z.output<typeof qoo10PaidOrderSchema>;
export type Qoo10PaidOrderInput = z.input<typeof qoo10PaidOrderSchema>;

export const managementNoSchema = z.string({ error: reasonCode('invalid-management-no') }).regex(/^\d{1,20}$/);

/** The manual: only Sagawa takes a delivery time, and only within two days. */
export const deliveryTimeMaxDaysAhead = 2;

export const deliveryTimeSchema = z.object({ date: tokyoDateSchema, slot: sagawaTimeSlotSchema.optional() }, { error: reasonCode('invalid-delivery-time') });
export type DeliveryTime = z.output<typeof deliveryTimeSchema>;

/**
 * An other-platform shipment registered under a management number: one SKU (the manual's template has a single
 * SKU column), shipped from stock like any order.
 */
export const managementShipmentSchema = z
  .object(
    {
      sellerId: sellerIdSchema,
      managementNo: managementNoSchema,
      /** The other platform's own order number, printed for the seller's reference. */
      referenceOrderNo: plainTextSchema(50).optional(),
      sku: skuSchema,
      quantity: orderQuantitySchema,
      recipient: recipientSchema,
      deliveryMethod: parcelServiceSchema,
      deliveryTime: deliveryTimeSchema.optional(),
      memo: plainTextSchema(200).optional(),
      /** When the seller registered it: the 13:00 cut-off and the delivery-time window count from here. */
      registeredAt: timestampSchema,
      desiredShipDate: tokyoDateSchema.optional(),
    },
    { error: reasonCode('invalid-shipment') },
  )
  .superRefine((shipment, ctx) => {
    const { deliveryTime } = shipment;
    // zod still runs this after a non-fatal field issue (a malformed timestamp), which is already reported.
    if (!deliveryTime || !timestampSchema.safeParse(shipment.registeredAt).success) return;
    if (!parcelServiceRules[shipment.deliveryMethod]?.offersTimeSlots) {
      ctx.addIssue({ code: 'custom', message: 'delivery-time-needs-sagawa', path: ['deliveryTime'], input: deliveryTime });
      return;
    }
    const registeredDay = tokyoDate(shipment.registeredAt);
    if (deliveryTime.date < registeredDay) {
      ctx.addIssue({ code: 'custom', message: 'delivery-time-in-past', path: ['deliveryTime', 'date'], input: deliveryTime.date });
    } else if (deliveryTime.date > addDays(registeredDay, deliveryTimeMaxDaysAhead)) {
      ctx.addIssue({ code: 'custom', message: 'delivery-time-too-far', path: ['deliveryTime', 'date'], input: deliveryTime.date });
    }
  });
export type ManagementShipment = z.output<typeof managementShipmentSchema>;
export type ManagementShipmentInput = z.input<typeof managementShipmentSchema>;
