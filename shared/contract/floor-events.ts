import { z } from 'zod';
import { binCodeSchema } from '../domain/bin-locations';
import { bundleIdSchema, canonicalSkuSchema } from '../domain/identifiers';
import { parcelServices, sagawaTimeSlots } from '../domain/parcel-services';
import { stockCountReasons } from '../domain/stock-count';

/**
 * Floor events: what a station did, written to its outbox before the screen confirms it and pushed to the hub,
 * which applies each exactly once, in the station's order. Each kind's payload schema is checked on both sides.
 */
const inboundLineIdSchema = z.string().min(1).max(64);
const orderIdSchema = z.string().min(1).max(64);
/** Twelve digits as scanned; the check digit is judged by the hub so the clerk hears which rule the label broke. */
const scannedTrackingNumberSchema = z.string().regex(/^\d{12}$/);

export const floorEventPayloads = {
  /** The dock scanned a bundle's boxes: the bundle has arrived. */
  'bundle.arrived': z.object({ bundleId: bundleIdSchema, boxesReceived: z.int().min(1).max(999) }).strict(),
  /** Units of one inbound line counted at inspection (a scan is +1, a keyed count its difference, an undo negative). */
  'inspection.counted': z
    .object({
      bundleId: bundleIdSchema,
      lineId: inboundLineIdSchema,
      quantity: z
        .int()
        .min(-100_000)
        .max(100_000)
        .refine((quantity) => quantity !== 0, 'zero-quantity'),
      source: z.enum(['scan', 'key', 'undo']),
    })
    .strict(),
  /**
   * Something in the bundle that is not one of its lines: an unknown code, or an item of another seller. A negative
   * quantity is an undo taking earlier finds of the same code and kind back (older stations only send positive ones).
   */
  'inspection.found': z
    .object({
      bundleId: bundleIdSchema,
      code: z.string().min(1).max(128),
      kind: z.enum(['unknown-item', 'wrong-seller']),
      quantity: z
        .int()
        .min(-999)
        .max(999)
        .refine((quantity) => quantity !== 0, 'zero-quantity'),
      note: z.string().max(200).nullable(),
    })
    .strict(),
  /** Inspection ended: post the counted units to stock and charge the fees (or hold the bundle for the balance). */
  'inspection.finished': z
    .object({
      bundleId: bundleIdSchema,
      /** Why a line came out over or short, as the clerk said it. */
      reasons: z
        .array(
          z
            .object({
              lineId: inboundLineIdSchema,
              reason: z.enum(['short', 'over', 'damaged', 'mixed', 'other']),
              note: z.string().max(200).nullable(),
              /** Of the line's counted units, how many are damaged: held apart as damaged stock (absent from older stations). */
              damagedUnits: z.int().min(0).max(100_000).optional(),
            })
            .strict(),
        )
        .max(1000),
    })
    .strict(),
  /**
   * A supervisor's count of one SKU (棚卸): what the book said on the station when counting and what was found, so the
   * difference is the movement whatever happened meanwhile (a pick in between is not counted twice). Damaged units
   * found leave sellable stock for damaged stock; lost, found and corrections move sellable stock. Above the
   * two-badge threshold a second supervisor approved it at the station.
   */
  'stock.counted': z
    .object({
      sku: canonicalSkuSchema,
      bin: binCodeSchema.nullable(),
      book: z.int().min(0).max(10_000_000),
      counted: z.int().min(0).max(10_000_000),
      reason: z.enum(stockCountReasons),
      note: z.string().trim().max(200).nullable(),
      secondApproverId: z.string().min(1).max(64).nullable(),
    })
    .strict()
    .refine((count) => count.reason !== 'other' || (count.note ?? '') !== '', 'note-required'),
  /** A supervisor's count correction: signed units, never zero. */
  'stock.adjusted': z
    .object({
      sku: canonicalSkuSchema,
      quantity: z
        .int()
        .min(-100_000)
        .max(100_000)
        .refine((quantity) => quantity !== 0, 'zero-quantity'),
      reason: z.string().min(1).max(200),
    })
    .strict(),
  /** The picker took the order's units off the shelf: the SKU and quantity scanned against the order. */
  'order.picked': z
    .object({
      orderId: orderIdSchema,
      sku: canonicalSkuSchema,
      quantity: z.int().min(1).max(100_000),
    })
    .strict(),
  /** The packer closed the parcel and stuck a label from the station's own tracking block on it. */
  'order.packed': z
    .object({
      orderId: orderIdSchema,
      service: z.enum(parcelServices),
      /** A delivery time slot on the label: Sagawa only. */
      timeSlot: z.enum(sagawaTimeSlots).nullable(),
      trackingNumber: scannedTrackingNumberSchema,
    })
    .strict(),
  /** The parcel's label was scanned on the way out: the order is in transit. */
  'order.shipped': z.object({ orderId: orderIdSchema, trackingNumber: scannedTrackingNumberSchema }).strict(),
  /** A printed label was spoiled or torn off: the number is void for ever and the order goes back to be packed again. */
  'label.voided': z
    .object({
      orderId: orderIdSchema,
      trackingNumber: scannedTrackingNumberSchema,
      reason: z.string().min(1).max(200),
    })
    .strict(),
  /** Putaway: the SKU was shelved in this bin at the station's branch (scan the SKU, then the bin); the last one wins. */
  'sku.located': z.object({ sku: canonicalSkuSchema, bin: binCodeSchema }).strict(),
} as const;

export type FloorEventKind = keyof typeof floorEventPayloads;
export const floorEventKinds = Object.keys(floorEventPayloads) as FloorEventKind[];

export const floorEventSchema = z
  .object({
    eventId: z.uuid(),
    /** The station's own sequence, from 1, without gaps: the hub applies in this order. */
    seq: z.int().min(1),
    kind: z.string().max(64),
    payload: z.unknown(),
    occurredAt: z.iso.datetime(),
    userId: z.string().max(64).nullable(),
  })
  .strict();
export type FloorEvent = z.infer<typeof floorEventSchema>;

export const pushResultSchema = z.object({
  eventId: z.string(),
  seq: z.int(),
  /** applied: done now; duplicate: done before, nothing more happened; rejected: will never apply (see reason);
   *  deferred: an earlier event is missing, send that first. */
  status: z.enum(['applied', 'duplicate', 'rejected', 'deferred']),
  reason: z.string().nullable(),
  message: z.string().nullable(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const changeSchema = z.object({
  seq: z.int(),
  entity: z.string(),
  entityId: z.string(),
  op: z.enum(['upsert', 'delete']),
  branchCode: z.string().nullable(),
  sellerId: z.string().nullable(),
  data: z.unknown(),
  at: z.string(),
});
export type Change = z.infer<typeof changeSchema>;
