import { z } from 'zod';
import { branchCodeSchema } from '../domain/identifiers';
import { tokyoDateSchema } from '../domain/tokyo-time';
import { dailyCountFigures, dailyCountRowSchema, dailyCountsSchema } from '../hub/routes/daily-counts';
import { printJobStatusSchema } from './schemas';

/**
 * The supervisor's day (日次集計) as the station serves it: the hub's figures (shared/hub/routes/daily-counts.ts), or
 * with the hub away the last figures this station had for that day and branch, marked stale.
 */

/** Which day and branch: no date is today (Tokyo); no branch is this station's; `null` is every branch. */
export const dailyCountsInputSchema = z.object({ date: tokyoDateSchema.optional(), branchCode: branchCodeSchema.nullable().optional() }).strict();
export type DailyCountsInput = z.infer<typeof dailyCountsInputSchema>;

/**
 * `stale`: the hub could not be reached and these are the figures kept from `counts.asOf` (when the hub answered
 * them). `stationBranch` is the branch this station stands in, the screen's default.
 */
export const dailyCountsAnswerSchema = z.object({ counts: dailyCountsSchema, stale: z.boolean(), stationBranch: z.string() });
export type DailyCountsAnswer = z.infer<typeof dailyCountsAnswerSchema>;

export const dailyCountListInputSchema = dailyCountsInputSchema.extend({ figure: z.enum(dailyCountFigures) }).strict();

/** The rows behind one figure; `asOf` is when the hub gave them, `stale` as above. */
export const dailyCountListAnswerSchema = z.object({
  figure: z.enum(dailyCountFigures),
  rows: z.array(dailyCountRowSchema),
  truncated: z.boolean(),
  stale: z.boolean(),
  asOf: z.string(),
});
export type DailyCountListAnswer = z.infer<typeof dailyCountListAnswerSchema>;

/** A saved file of the day (.xlsx or the PDF report) in the station's reports folder. */
export const dailyCountsFileSchema = z.object({ path: z.string(), bytes: z.int(), stale: z.boolean() });
export const dailyCountsPrintSchema = dailyCountsFileSchema.extend({ job: printJobStatusSchema });
