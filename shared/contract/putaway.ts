import { z } from 'zod';

/** Why putaway refused a scan; each is an i18n key `putaway.reasons.<code>`. Nothing is recorded for a refusal. */
export const putawayRefusals = [
  /** Neither a bin label nor a SKU this station knows (SKU label, JAN or seller SKU code). */
  'unknown-item',
  /** A bin scanned with no SKU waiting for it: scan the SKU first. */
  'bin-first',
] as const;
export type PutawayRefusal = (typeof putawayRefusals)[number];

/** A SKU as putaway shows it, with the bin it is in now (this station's own latest placement, else the hub's). */
export const putawayItemSchema = z.object({
  sku: z.string(),
  itemName: z.string(),
  optionName: z.string(),
  sellerId: z.string(),
  sellerSkuCode: z.string().nullable(),
  bin: z.string().nullable(),
});
export type PutawayItem = z.infer<typeof putawayItemSchema>;

export const putawayStepSchema = z.object({
  /** sku: the SKU is held, scan its bin next; placed: `sku.located` is in the outbox; refused: see `refusal`. */
  verdict: z.enum(['sku', 'placed', 'refused']),
  refusal: z.enum(putawayRefusals).nullable(),
  /** The SKU waiting for its bin after this step (null once placed, or when none is). */
  pending: putawayItemSchema.nullable(),
  /** What was just placed: the SKU (its `bin` is the new one) and the bin it was in before. */
  placed: z.object({ item: putawayItemSchema, fromBin: z.string().nullable(), toBin: z.string(), eventId: z.string(), at: z.string() }).nullable(),
});
export type PutawayStep = z.infer<typeof putawayStepSchema>;
