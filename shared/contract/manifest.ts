import { z } from 'zod';
import { manifestCarriers } from '../domain/manifest';
import { parcelServices } from '../domain/parcel-services';
import { tokyoDateSchema } from '../domain/tokyo-time';
import { printJobStatusSchema } from './schemas';

/** The end-of-day manifest as the hub serves it and the station shows it (see shared/domain/manifest.ts). */
export const manifestParcelSchema = z.object({
  orderId: z.string(),
  trackingNo: z.string(),
  service: z.enum(parcelServices),
  orderNo: z.string(),
  /** Every order in the parcel (a cart's orders share one box and number). */
  orderNos: z.array(z.string()),
  cartNo: z.string().nullable(),
  managementNo: z.string().nullable(),
  sellerId: z.string(),
  sellerName: z.string().nullable(),
  recipientName: z.string(),
  prefecture: z.string().nullable(),
  itemCount: z.int(),
  timeSlot: z.string().nullable(),
  shippedAt: z.string(),
  atHub: z.boolean(),
});

export const manifestSectionSchema = z.object({
  service: z.enum(parcelServices),
  carrier: z.enum(manifestCarriers),
  parcels: z.array(manifestParcelSchema),
  parcelCount: z.int(),
  itemCount: z.int(),
});

export const manifestDaySchema = z.object({
  date: z.string(),
  branchCode: z.string(),
  marketplaceCarrier: z.string(),
  sections: z.array(manifestSectionSchema),
  totals: z.object({ parcels: z.int(), items: z.int() }),
});
export type ManifestDayView = z.infer<typeof manifestDaySchema>;

export const manifestDayInputSchema = z.object({ date: tokyoDateSchema.optional() }).strict();
export const manifestPrintInputSchema = z.object({ date: tokyoDateSchema, service: z.enum(parcelServices) }).strict();

/** A printed manifest: the print job, and the PDF kept in the station's data folder (as the discrepancy report is). */
export const manifestPrintResultSchema = z.object({
  job: printJobStatusSchema,
  path: z.string(),
  bytes: z.int(),
  parcelCount: z.int(),
});
export type ManifestPrintResult = z.infer<typeof manifestPrintResultSchema>;
