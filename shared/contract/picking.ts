import { z } from 'zod';
import { pickHoldReasons } from '../domain/pick-lists';
import { printJobStatusSchema } from './schemas';

/** Why the pick screen refused a scan or a list; each is an i18n key `picking.reasons.<code>`. */
export const pickingRefusals = ['unknown-pick-list', 'unknown-item', 'not-on-list', 'extra-item', 'bin-not-on-list', 'list-complete'] as const;
export type PickingRefusal = (typeof pickingRefusals)[number];

/** A list as the pick screen's list of lists shows it: how far it is. */
export const pickListSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  orders: z.int(),
  units: z.int(),
  picked: z.int(),
  complete: z.boolean(),
});
export type PickListSummary = z.infer<typeof pickListSummarySchema>;

export const pickOrderSchema = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  cartNo: z.string().nullable(),
  sku: z.string(),
  quantity: z.int(),
  picked: z.int(),
  /** Every unit picked (on this list, or already picked or packed elsewhere). */
  done: z.boolean(),
});
export type PickOrderView = z.infer<typeof pickOrderSchema>;

export const pickLineSchema = z.object({
  sku: z.string(),
  /** Null: the SKU has no bin at this branch; such lines come last. */
  bin: z.string().nullable(),
  itemName: z.string(),
  optionName: z.string(),
  jan: z.string().nullable(),
  expected: z.int(),
  picked: z.int(),
  orders: z.array(pickOrderSchema),
});
export type PickLineView = z.infer<typeof pickLineSchema>;

export const pickViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  /** In walking order (bin). */
  lines: z.array(pickLineSchema),
  /** The first line with units left to pick, or null when the list is complete. */
  currentSku: z.string().nullable(),
  complete: z.boolean(),
});
export type PickView = z.infer<typeof pickViewSchema>;

export const pickOpenResultSchema = z.object({ list: pickViewSchema.nullable(), refusal: z.enum(pickingRefusals).nullable() });
export type PickOpenResult = z.infer<typeof pickOpenResultSchema>;

export const pickScanResultSchema = z.object({
  /** accepted: one unit counted; order-picked: it completed an order; complete: the whole list; at-bin: a bin of the list. */
  verdict: z.enum(['accepted', 'order-picked', 'complete', 'at-bin', 'refused']),
  refusal: z.enum(pickingRefusals).nullable(),
  sku: z.string().nullable(),
  bin: z.string().nullable(),
  /** The order no. completed by this unit (verdict order-picked or complete). */
  orderNo: z.string().nullable(),
  list: pickViewSchema,
});
export type PickScanResult = z.infer<typeof pickScanResultSchema>;

export const heldPickOrderSchema = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  sellerId: z.string(),
  reason: z.enum(pickHoldReasons),
  dueShipDate: z.string(),
});
export type HeldPickOrderView = z.infer<typeof heldPickOrderSchema>;

export const pickMakeResultSchema = z.object({ lists: z.array(pickListSummarySchema), held: z.array(heldPickOrderSchema) });
export type PickMakeResult = z.infer<typeof pickMakeResultSchema>;

export const pickPrintInputSchema = z.object({ pickListId: z.string().regex(/^PL\d{8}$/) }).strict();

/**
 * A printed pick list: the job on the document printer and the PDF kept in the station's data folder; or, for a list
 * this station does not have at its branch, the refusal and nothing printed.
 */
export const pickPrintResultSchema = z.object({
  refusal: z.enum(pickingRefusals).nullable(),
  job: printJobStatusSchema.nullable(),
  path: z.string().nullable(),
  bytes: z.int(),
  lineCount: z.int(),
});
export type PickPrintResult = z.infer<typeof pickPrintResultSchema>;
