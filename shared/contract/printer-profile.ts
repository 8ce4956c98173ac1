import { z } from 'zod';

/**
 * What the labels are printed on: a roll of 50 × 30 mm labels (thermal printers, one label per page), or A4 sheets
 * of self-adhesive labels for office printers.
 */
export const labelMediaSchema = z.enum(['roll-50x30', 'a4-3x8', 'a4-4x10']);
export type LabelMedia = z.infer<typeof labelMediaSchema>;

/**
 * A printer as a station knows it. The station stores its profiles (the caller's business); this is their shape and
 * their defaults. Two ways to reach a printer:
 * - 'cups': a queue of the local print system, through `lp` (Linux, macOS). PDF goes through the queue's driver;
 *   ZPL goes with `-o raw`, so the queue must lead straight to the printer.
 * - 'raw-tcp': bytes straight to the printer's raw port (JetDirect, 9100), on every OS. ZPL printers take this
 *   natively; many office printers accept PDF on it too.
 */
const common = {
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a printer id is 1–64 letters, digits, _ . or -'),
  name: z.string().trim().min(1).max(100),
  format: z.enum(['pdf', 'zpl']).default('pdf'),
  media: labelMediaSchema.default('roll-50x30'),
};

// A CUPS destination name: printable, no space, slash, comma or '#' (CUPS's own rule), optionally "queue/instance";
// and not starting with '-', so lp can never read it as an option.
const cupsQueue = z.string().regex(/^[A-Za-z0-9_][^\s/#,\\'"]{0,126}(\/[^\s/#,\\'"]{1,127})?$/, 'not a CUPS queue name');

export const defaultRawTcpPort = 9100;

export const printerProfileSchema = z
  .discriminatedUnion('kind', [
    z.object({
      ...common,
      kind: z.literal('cups'),
      queue: cupsQueue,
      /** A CUPS server other than the local one (host or host:port), as lp's -h. */
      server: z
        .string()
        .regex(/^[A-Za-z0-9.:\[\]-]{1,255}$/)
        .nullable()
        .default(null),
    }),
    z.object({
      ...common,
      kind: z.literal('raw-tcp'),
      host: z.string().regex(/^[A-Za-z0-9.:\[\]-]{1,255}$/, 'not a host name or IP address'),
      port: z.int().min(1).max(65535).default(defaultRawTcpPort),
    }),
  ])
  .refine((profile) => profile.format === 'pdf' || profile.media === 'roll-50x30', {
    message: 'ZPL is for label rolls: a sheet of labels needs format pdf',
    path: ['media'],
  });

export type PrinterProfileInput = z.input<typeof printerProfileSchema>;
export type PrinterProfile = z.output<typeof printerProfileSchema>;

/**
 * The three printer settings of a station, one per kind of paper: SKU labels (50 × 30 roll or A4 label sheets),
 * 100 × 150 mm shipping labels, and A4 documents. Each job's page size follows its kind, never another kind's.
 */
export const printerKinds = ['sku-labels', 'shipping-labels', 'documents'] as const;
export const printerKindSchema = z.enum(printerKinds);
export type PrinterKind = z.infer<typeof printerKindSchema>;

/** What is printed, each on the printer of one kind: the settings screen lists them under their printer. */
export const printedDocuments = [
  'sku-labels',
  'shipping-label',
  'discrepancy-report',
  'pick-list',
  'manifest',
  'daily-report',
  'statement',
  'test-page',
] as const;
export const printedDocumentSchema = z.enum(printedDocuments);
export type PrintedDocument = z.infer<typeof printedDocumentSchema>;

export const documentsByPrinterKind: Readonly<Record<PrinterKind, readonly Exclude<PrintedDocument, 'test-page'>[]>> = {
  'sku-labels': ['sku-labels'],
  'shipping-labels': ['shipping-label'],
  documents: ['discrepancy-report', 'pick-list', 'manifest', 'daily-report', 'statement'],
};

/** Label media a kind can use: only SKU labels come on sheets as well as rolls; the others have one page size. */
export const mediaByPrinterKind: Readonly<Record<PrinterKind, readonly LabelMedia[]>> = {
  'sku-labels': ['roll-50x30', 'a4-3x8', 'a4-4x10'],
  'shipping-labels': [],
  documents: [],
};

/** ZPL printers take labels; a document is a PDF page. */
export const formatsByPrinterKind: Readonly<Record<PrinterKind, readonly ('pdf' | 'zpl')[]>> = {
  'sku-labels': ['pdf', 'zpl'],
  'shipping-labels': ['pdf', 'zpl'],
  documents: ['pdf'],
};

/** One kind's setting as the settings screen saves it: the printer, checked against what that kind can print. */
export const setPrinterInputSchema = z
  .object({ kind: printerKindSchema, profile: printerProfileSchema })
  .strict()
  .refine(({ kind, profile }) => formatsByPrinterKind[kind].includes(profile.format), {
    message: 'documents are printed as PDF, not ZPL',
    path: ['profile', 'format'],
  });
export type SetPrinterInput = z.input<typeof setPrinterInputSchema>;

/** A CUPS queue on this machine, as `lpstat` lists it. */
export const cupsQueueSchema = z.object({
  name: z.string(),
  state: z.enum(['idle', 'printing', 'disabled', 'unknown']),
  /** True for the system's default destination. */
  isDefault: z.boolean(),
});
export type CupsQueue = z.infer<typeof cupsQueueSchema>;

export const cupsQueueListSchema = z.object({
  /** False when lpstat is missing or the scheduler does not run: the screen says so instead of an empty list. */
  available: z.boolean(),
  reason: z.enum(['lp-missing', 'cups-not-running']).nullable(),
  queues: z.array(cupsQueueSchema),
});
export type CupsQueueList = z.infer<typeof cupsQueueListSchema>;
