import { z } from 'zod';
import { printJobStatusSchema } from './schemas';

/** A SKU as the SKU label screen shows it before printing: what it is and whose it is. */
export const skuCardSchema = z.object({
  sku: z.string(),
  itemName: z.string(),
  optionName: z.string(),
  sellerId: z.string(),
  /** The shop's name; its id until the station has heard the name. */
  sellerName: z.string(),
  sellerSkuCode: z.string().nullable(),
  jan: z.string().nullable(),
});
export type SkuCard = z.infer<typeof skuCardSchema>;

/** A code as scanned or typed: SKU label, JAN or the seller's SKU code. */
export const skuCodeInputSchema = z.object({ code: z.string().trim().min(1).max(256) }).strict();

export const skuLabelsForInputSchema = skuCodeInputSchema.extend({ quantity: z.int().min(1).max(999) }).strict();

/** The labels' print job; no job and no card when the code is no SKU the station knows. */
export const skuLabelsForResultSchema = z.object({ card: skuCardSchema.nullable(), job: printJobStatusSchema.nullable() });
export type SkuLabelsForResult = z.infer<typeof skuLabelsForResultSchema>;
