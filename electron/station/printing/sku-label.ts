import { z } from 'zod';
import { parseSku, formatSku } from '../../../shared/domain/identifiers';

/** One roll of thermal labels holds about 1,000–2,000; more copies than this of one SKU is a typing mistake, not a job. */
export const maxCopiesPerLabel = 1000;
/** A job is printed in one go; a bigger one would block the printer for the whole shift and should be split. */
export const maxLabelsPerJob = 5000;

// Names come from spreadsheets and marketplace listings: tabs, line breaks and runs of spaces are layout noise on a
// label, and control characters would print as nothing (or as tofu).
function tidy(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const tidyText = (what: string, maxLength: number, required: boolean) =>
  z
    .string({ error: `${what} must be text` })
    .transform(tidy)
    .refine((text) => !required || text.length > 0, `${what} is empty`)
    .refine((text) => text.length <= maxLength, `${what} is longer than ${maxLength} characters`);

export const skuLabelSchema = z.object({
  sku: z
    .string({ error: 'sku must be text' })
    .transform((text) => text.trim())
    .refine((text) => text.length > 0, 'sku is empty')
    .refine((text) => text.length === 0 || parseSku(text) !== null, 'sku is not a full SKU like 300001289771-00003')
    .transform((text) => formatSku(parseSku(text)!)),
  itemName: tidyText('itemName', 400, true),
  /** Empty for an item without options. */
  optionName: tidyText('optionName', 200, false),
  sellerSkuCode: tidyText('sellerSkuCode', 100, false)
    .nullable()
    .transform((code) => (code ? code : null)),
  copies: z.number({ error: 'copies must be a number' }).refine((n) => Number.isInteger(n) && n >= 1 && n <= maxCopiesPerLabel, {
    message: `copies must be a whole number from 1 to ${maxCopiesPerLabel}`,
  }),
});

/** What a caller passes (untrimmed, SKU in any of QSM's three spellings) … */
export type SkuLabelInput = z.input<typeof skuLabelSchema>;
/** … and what the renderers get: tidied text, canonical SKU. */
export type SkuLabel = z.output<typeof skuLabelSchema>;

export const skuLabelBatchSchema = z
  .array(skuLabelSchema, { error: 'labels must be a list' })
  .min(1, 'there are no labels to print')
  .refine((labels) => labels.reduce((sum, label) => sum + label.copies, 0) <= maxLabelsPerJob, {
    message: `more than ${maxLabelsPerJob} labels in one job: split it`,
  });

/** Every problem of a batch in one sentence, each with the label it is on ("label 2: copies must be … (got 0)"). */
export function describeLabelProblems(error: z.ZodError, input: unknown): string {
  return error.issues
    .map((issue) => {
      const [index, field] = issue.path;
      if (typeof index !== 'number') return issue.message;
      const shown = field === 'copies' || field === 'sku' ? ` (got ${JSON.stringify(valueAt(input, [index, field]) ?? null)})` : '';
      return `label ${index + 1}: ${issue.message}${shown}`;
    })
    .join('; ');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function labelCount(labels: readonly SkuLabel[]): number {
  return labels.reduce((sum, label) => sum + label.copies, 0);
}

/** Labels with the same key look the same: they are laid out and drawn once per batch, whatever their copies. */
export function labelDesignKey(label: SkuLabel): string {
  return JSON.stringify([label.sku, label.itemName, label.optionName, label.sellerSkuCode]);
}
