import { z } from 'zod';

/** What the dock and inspection screens see of a cargo bundle. */
export const bundleSummarySchema = z.object({
  id: z.string(),
  sellerId: z.string(),
  /** The shop's name as the hub knows it; the id when the station has not heard the name yet. */
  sellerName: z.string(),
  state: z.string(),
  estimatedArrival: z.string(),
  boxCount: z.int().nullable(),
  boxesReceived: z.int(),
  lineCount: z.int(),
  units: z.int(),
  late: z.boolean(),
  holdReason: z.string().nullable(),
  /**
   * Why the dock cannot take the bundle yet, or null when it can (shipped) or is past the dock: the hub only moves a
   * shipped bundle to arrived, so a requested one waits for the warehouse to confirm and a confirmed one for the seller.
   */
  waitingFor: z.enum(['warehouse-confirmation', 'seller-shipment']).nullable(),
});
export type BundleSummary = z.infer<typeof bundleSummarySchema>;

/** Why the dock or inspection refused a scan; each is an i18n key `receiving.reasons.<code>`. */
export const receivingRefusals = [
  'unknown-bundle',
  'bundle-other-branch',
  'bundle-wrong-seller',
  'bundle-wrong-state',
  'bundle-not-confirmed',
  'bundle-not-shipped',
  'bundle-not-arrived',
  'inspection-finished',
  'unknown-item',
  'wrong-seller',
  'not-in-bundle',
  'nothing-to-undo',
  'bad-count',
] as const;
export type ReceivingRefusal = (typeof receivingRefusals)[number];

export const dockArrivalSchema = z.object({
  accepted: z.boolean(),
  refusal: z.enum(receivingRefusals).nullable(),
  /** For a wrong-state refusal: the state the bundle is in. */
  state: z.string().nullable(),
  bundle: bundleSummarySchema.nullable(),
});
export type DockArrival = z.infer<typeof dockArrivalSchema>;

export const inspectionLineSchema = z.object({
  lineId: z.string(),
  sku: z.string(),
  itemName: z.string(),
  optionName: z.string(),
  jan: z.string().nullable(),
  /** Null in blind mode: the clerk counts without knowing what to expect. */
  expected: z.int().nullable(),
  counted: z.int(),
  status: z.enum(['pending', 'counting', 'ok', 'short', 'over']),
});
export type InspectionLine = z.infer<typeof inspectionLineSchema>;

/** Goods on no line, one row per code and kind; the item and its seller when the station's catalogue knows the code. */
export const inspectionFindingSchema = z.object({
  code: z.string(),
  kind: z.enum(['unknown-item', 'wrong-seller']),
  quantity: z.int(),
  sku: z.string().nullable(),
  itemName: z.string().nullable(),
  optionName: z.string().nullable(),
  sellerName: z.string().nullable(),
});
export type InspectionFinding = z.infer<typeof inspectionFindingSchema>;

export const inspectionViewSchema = z.object({
  bundle: bundleSummarySchema,
  blind: z.boolean(),
  finished: z.boolean(),
  lines: z.array(inspectionLineSchema),
  findings: z.array(inspectionFindingSchema),
  /** short and over are the units missing and the units too many, summed per line (never netted); null in blind mode. */
  totals: z.object({ expected: z.int().nullable(), counted: z.int(), short: z.int().nullable(), over: z.int().nullable() }),
  canUndo: z.boolean(),
  /** Who counted or finished this inspection (names, in the order they first worked on it). */
  inspectors: z.array(z.string()),
});
export type InspectionView = z.infer<typeof inspectionViewSchema>;

export const inspectionScanResultSchema = z.object({
  verdict: z.enum(['counted', 'over', 'refused']),
  refusal: z.enum(receivingRefusals).nullable(),
  lineId: z.string().nullable(),
  view: inspectionViewSchema,
  /** What an undo took back: units of a line (lineId set) or a found item (code set); null for anything else. */
  undone: z.object({ lineId: z.string().nullable(), code: z.string().nullable(), quantity: z.int() }).nullable(),
});
export type InspectionScanResult = z.infer<typeof inspectionScanResultSchema>;

export const lineReasonSchema = z
  .object({
    lineId: z.string(),
    reason: z.enum(['short', 'over', 'damaged', 'mixed', 'other']),
    note: z.string().max(200).nullable(),
    /** With 'damaged': how many of the line's counted units are damaged (held apart as damaged stock by the hub). */
    damagedUnits: z.int().min(0).max(100_000).optional(),
  })
  .strict();

/** The report's words in the clerk's language: the renderer translates, the station only lays out. */
export const reportWordingSchema = z
  .object({
    title: z.string().max(100),
    seller: z.string().max(100),
    inspector: z.string().max(100),
    sku: z.string().max(100),
    code: z.string().max(100),
    printedAt: z.string().max(100),
    item: z.string().max(100),
    expected: z.string().max(100),
    counted: z.string().max(100),
    difference: z.string().max(100),
    statuses: z.object({
      pending: z.string().max(50),
      counting: z.string().max(50),
      ok: z.string().max(50),
      short: z.string().max(50),
      over: z.string().max(50),
    }),
    findings: z.string().max(100),
    findingKinds: z.object({ 'unknown-item': z.string().max(100), 'wrong-seller': z.string().max(100) }),
    none: z.string().max(100),
  })
  .strict();
export type ReportWording = z.infer<typeof reportWordingSchema>;
