import { z } from 'zod';
import { stockCountReasons } from '../domain/stock-count';

/**
 * Cycle count (棚卸) at the station: a supervisor opens a bin or a SKU, counts, and confirms a `stock.counted` event.
 * Each refusal is an i18n key `stockCount.refusals.<code>`; nothing is recorded for a refusal.
 */
export const stockCountRefusals = [
  /** Neither a bin anything is shelved in at this branch nor a SKU the station knows. */
  'unknown-code',
  /** A bin label no SKU at this branch is located in (as this station knows it). */
  'unknown-bin',
  /** The SKU is not one of those of the open count (another bin's SKU). */
  'not-in-count',
  /** The count was opened at another branch than this station's. */
  'other-branch',
  /** A count that is not a whole number from 0 up to the absurd limit. */
  'bad-count',
  'no-reason',
  /** "Other" needs the text saying what happened. */
  'note-required',
  /** Above the threshold: a second supervisor's badge is needed (nothing recorded yet). */
  'second-badge-needed',
  /** The second badge is the counting supervisor's own. */
  'same-person',
  /** The second badge belongs to someone who is neither supervisor nor admin. */
  'not-supervisor',
  /** The second badge is unknown to the hub, or (hub away) never signed in at this station. */
  'unknown-badge',
  /** The station has never pulled the hub's stock: it has no book to count against (a count would move the wrong units). */
  'no-book',
  /** Damaged units are a shortfall: a count above the book cannot have found them damaged (the hub refuses it too). */
  'damaged-over',
] as const;
export type StockCountRefusal = (typeof stockCountRefusals)[number];

/** More units than this in one place is a typing mistake, not a count. */
export const maxCountUnits = 100_000;

/** A SKU as the count shows it: the book is what should be on the shelf now, picks in progress taken off. */
export const stockCountItemSchema = z.object({
  sku: z.string(),
  itemName: z.string(),
  optionName: z.string(),
  sellerId: z.string(),
  bin: z.string().nullable(),
  book: z.int(),
  /** Units of orders picked or packed and not shipped yet: off the shelf, still in the hub's balance. */
  picking: z.int().nonnegative(),
});
export type StockCountItem = z.infer<typeof stockCountItemSchema>;

/** What a scanned or typed code opened: a bin (every SKU located in it) or one SKU. */
export const stockCountTargetSchema = z.object({
  verdict: z.enum(['bin', 'sku', 'refused']),
  refusal: z.enum(stockCountRefusals).nullable(),
  branchCode: z.string(),
  bin: z.string().nullable(),
  items: z.array(stockCountItemSchema),
  /** Units of variance above which a second supervisor's badge is needed. */
  secondBadgeAbove: z.int().nonnegative(),
});
export type StockCountTarget = z.infer<typeof stockCountTargetSchema>;

/** What a scanned code is, without the book (a unit scanned while counting must be quick). */
export const stockCountCodeSchema = z.object({
  kind: z.enum(['bin', 'sku', 'unknown']),
  /** The bin's code or the canonical SKU. */
  code: z.string().nullable(),
});
export type StockCountCode = z.infer<typeof stockCountCodeSchema>;

export const stockCountConfirmInputSchema = z
  .object({
    branchCode: z.string().min(1).max(32),
    sku: z.string().min(1).max(64),
    bin: z.string().max(32).nullable(),
    // Checked by the service (refusal `bad-count`) so the user hears why, rather than a generic bad input.
    counted: z.number(),
    reason: z.enum(stockCountReasons).nullable(),
    note: z.string().max(200).nullable(),
    /** The second supervisor's badge as scanned, when the variance is above the threshold. */
    secondBadge: z.string().trim().min(1).max(128).nullable(),
  })
  .strict();
export type StockCountConfirmInput = z.infer<typeof stockCountConfirmInputSchema>;

/** One count this station recorded, with what the hub has said about it. */
export const stockCountRecordSchema = z.object({
  eventId: z.string(),
  sku: z.string(),
  itemName: z.string(),
  bin: z.string().nullable(),
  book: z.int(),
  counted: z.int(),
  variance: z.int(),
  reason: z.enum(stockCountReasons),
  note: z.string().nullable(),
  userId: z.string().nullable(),
  secondApproverId: z.string().nullable(),
  /** The names of the counter and the second supervisor as the station's user list has them (null if it has none). */
  userName: z.string().nullable(),
  secondApproverName: z.string().nullable(),
  at: z.string(),
  /** pending: in the outbox; applied: the hub moved the ledger; rejected: the hub refused (with its words). */
  state: z.enum(['pending', 'applied', 'rejected']),
  rejectedReason: z.string().nullable(),
});
export type StockCountRecord = z.infer<typeof stockCountRecordSchema>;

export const stockCountConfirmResultSchema = z.object({
  verdict: z.enum(['recorded', 'refused']),
  refusal: z.enum(stockCountRefusals).nullable(),
  /** The variance the station computed against its book now (also on a refusal, so the screen can say it). */
  variance: z.int().nullable(),
  secondBadgeAbove: z.int().nonnegative(),
  recorded: stockCountRecordSchema.nullable(),
});
export type StockCountConfirmResult = z.infer<typeof stockCountConfirmResultSchema>;
