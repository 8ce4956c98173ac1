import { z } from 'zod';
import { parcelServiceRules, parcelServiceSchema, sagawaTimeSlotSchema, type ParcelService, type SagawaTimeSlot } from '../../../shared/domain/parcel-services';
import { tokyoDateSchema } from '../../../shared/domain/tokyo-time';
import { trackingNumberSchema } from '../../../shared/domain/tracking-numbers';

// Recipient data comes from marketplace orders and other-platform spreadsheets: tabs, line breaks and runs of spaces
// are layout noise on a label, and control characters would print as nothing.
function tidy(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const tidyText = (what: string, maxLength: number) =>
  z
    .string({ error: `${what} must be text` })
    .transform(tidy)
    .refine((text) => text.length > 0, `${what} is empty`)
    .refine((text) => text.length <= maxLength, `${what} is longer than ${maxLength} characters`);

const optionalText = (what: string, maxLength: number) =>
  tidyText(what, maxLength)
    .nullable()
    .or(z.literal('').transform(() => null));

const partySchema = (who: string) =>
  z.object({
    name: tidyText(`${who} name`, 100),
    // 〒123-4567 or 1234567: printed in the usual hyphenated form, so a sorter reads it at a glance.
    postalCode: z
      .string({ error: `${who} postal code must be text` })
      .transform((text) => text.replace(/[〒\s]/g, '').replace(/[０-９－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
      .refine((text) => /^\d{3}-?\d{4}$/.test(text), `${who} postal code is not 7 digits like 123-4567`)
      .transform((text) => `${text.slice(0, 3)}-${text.slice(-4)}`),
    address: tidyText(`${who} address`, 300),
    phone: tidyText(`${who} phone`, 30),
  });

/** Nobody packs a thousand items into one parcel; a bigger count is a typing mistake. */
export const maxItemsPerParcel = 999;

export const shippingLabelSchema = z
  .object({
    // The shared schema's messages are reason codes: 'invalid-tracking-number' for a wrong shape, 'tracking-check-digit'
    // for twelve digits whose last is not the first eleven mod 7.
    trackingNumber: trackingNumberSchema,
    service: parcelServiceSchema,
    timeSlot: sagawaTimeSlotSchema.nullable(),
    /** The day the buyer asked for (Sagawa, within two days); printed with the slot. */
    deliveryDate: tokyoDateSchema.nullable().default(null),
    recipient: partySchema('recipient'),
    sender: partySchema('sender'),
    orderNo: tidyText('orderNo', 40),
    cartNo: optionalText('cartNo', 40),
    /**
     * Every order number in the parcel (a cart: one buyer, one box, several orders), sorted so the label reads the same
     * whichever order the packer had in hand. Empty or one: a parcel of one order.
     */
    orderNos: z
      .array(tidyText('orderNo', 40))
      .max(maxItemsPerParcel, `orderNos has more than ${maxItemsPerParcel} orders`)
      .default([])
      .transform((orderNos) => [...new Set(orderNos)].sort()),
    managementNo: optionalText('managementNo', 40),
    itemCount: z
      .number({ error: 'itemCount must be a number' })
      .refine((n) => Number.isInteger(n) && n >= 1 && n <= maxItemsPerParcel, `itemCount must be a whole number from 1 to ${maxItemsPerParcel}`),
    /** What the QR code holds for scans inside the warehouse, e.g. QWMS:ORDER:<orderId>; never shown to the carrier. */
    qrPayload: z
      .string({ error: 'qrPayload must be text' })
      .min(1, 'qrPayload is empty')
      .max(200, 'qrPayload is longer than 200 characters')
      .refine((text) => /^[\x20-\x7e]+$/.test(text), 'qrPayload must be printable ASCII'),
  })
  .superRefine((label, context) => {
    // Only Sagawa delivers in a chosen window: a slot printed on a Nekopos label is a promise nobody keeps.
    if (label.timeSlot !== null && !parcelServiceRules[label.service].offersTimeSlots) {
      context.addIssue({ code: 'custom', path: ['timeSlot'], message: 'time-slot-not-offered' });
    }
    if (label.deliveryDate !== null && !parcelServiceRules[label.service].offersTimeSlots) {
      context.addIssue({ code: 'custom', path: ['deliveryDate'], message: 'time-slot-not-offered' });
    }
  });

export type ShippingLabelInput = z.input<typeof shippingLabelSchema>;
export type ShippingLabel = z.output<typeof shippingLabelSchema>;

/** The service as the carrier's drivers and the buyer know it. */
export const serviceNamesJa: Readonly<Record<ParcelService, string>> = {
  nekopos: 'ネコポス',
  yamato: 'ヤマト宅急便',
  sagawa: '佐川急便',
};

/** Sagawa's slots as its own labels print them (時間帯指定). */
export const timeSlotNamesJa: Readonly<Record<SagawaTimeSlot, string>> = {
  morning: '午前中',
  '12-14': '12時〜14時',
  '14-16': '14時〜16時',
  '16-18': '16時〜18時',
  '18-20': '18時〜20時',
  '19-21': '19時〜21時',
};

/** 300000000016 → 3000-0000-0016: how carriers print the number for people to read it out on the phone. */
export function readableTrackingNumber(trackingNumber: string): string {
  return trackingNumber.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3');
}

/** Every problem with a label in one sentence, each with its field ("recipient.postalCode: …"). */
export function describeShippingLabelProblems(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}
