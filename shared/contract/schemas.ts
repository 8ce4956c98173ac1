import { z } from 'zod';
import { roles } from '../domain/roles';
import { maxScanLength } from '../scanning/scan-text';
import { symbologyByAimLetter } from '../scanning/aim';
import { printReasonSchema } from './print-job-reason';
import { printedDocumentSchema, printerKindSchema } from './printer-profile';

export const emptyInput = z.object({}).strict();

export const roleSchema = z.enum(roles);

export const userSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  user: userSchema,
  signedInAt: z.iso.datetime(),
  /** Signed in with the hub away, against this station's cached credentials: no hub session behind it. */
  offline: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const signInInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pin'), userId: z.string().min(1).max(64), pin: z.string().regex(/^\d{4,8}$/) }).strict(),
  z.object({ method: z.literal('badge'), badge: z.string().min(1).max(128) }).strict(),
]);
export type SignInInput = z.infer<typeof signInInputSchema>;

export const symbologySchema = z.enum([...Object.values(symbologyByAimLetter), 'unknown']);

export const scanSourceSchema = z.enum(['wedge', 'hid']);
export const badScanReasonSchema = z.enum(['empty', 'control-characters', 'too-long', 'unfinished']);

/** What the renderer reports after it has told a keyboard-wedge burst from typing. */
export const wedgeScanInputSchema = z
  .object({
    /** The burst as typed, AIM prefix included: the station splits it so both scanner kinds are treated alike. */
    raw: z.string().max(maxScanLength + 8),
    /** Set when the burst never got its Enter/Tab: the station records it as a bad scan. */
    unfinished: z.boolean().default(false),
  })
  .strict();
export type WedgeScanInput = z.input<typeof wedgeScanInputSchema>;

export const scanSchema = z.object({
  id: z.string(),
  /** Station-wide order of arrival, from 1. */
  seq: z.int().positive(),
  source: scanSourceSchema,
  deviceId: z.string().nullable(),
  aim: z.string().nullable(),
  symbology: symbologySchema,
  text: z.string(),
  verdict: z.enum(['good', 'bad']),
  badReason: badScanReasonSchema.nullable(),
  at: z.iso.datetime(),
});
export type Scan = z.infer<typeof scanSchema>;

export const scannerDeviceSchema = z.object({
  id: z.string(),
  vendorId: z.int().nonnegative(),
  productId: z.int().nonnegative(),
  product: z.string().nullable(),
  manufacturer: z.string().nullable(),
  /** Which report layout the station decodes this device with. */
  protocol: z.enum(['honeywell-hidpos', 'zebra-snapi', 'keyboard-boot']),
});
export type ScannerDevice = z.infer<typeof scannerDeviceSchema>;

/**
 * The hub answers but this station cannot use the answer: a hub of another version (a route missing on an older hub,
 * an answer in another shape). Pending events stay in the outbox until a hub that matches answers.
 */
export const hubProblemSchema = z.discriminatedUnion('code', [
  /** The hub answered in a shape this station does not read (a hub upgraded apart, or a route it lacks). */
  z.object({ code: z.literal('hub-contract'), route: z.string(), hubVersion: z.string().nullable() }),
  /** The hub's feed carries changes this station cannot read (a newer hub): kept unread and skipped, never a crash. */
  z.object({ code: z.literal('feed-unread'), count: z.int().positive(), hubFeedVersion: z.int().nullable() }),
]);
export type HubProblem = z.infer<typeof hubProblemSchema>;

export const hubStatusSchema = z.object({
  state: z.enum(['online', 'offline', 'not-configured']),
  url: z.string().nullable(),
  since: z.iso.datetime(),
  /** Absent or null while the hub and this station understand each other. */
  problem: hubProblemSchema.nullable().optional(),
});
export type HubStatus = z.infer<typeof hubStatusSchema>;

/** The station's own hub process (single-PC warehouse), restarted with back-off when it dies; null with a warehouse hub. */
export const embeddedHubStatusSchema = z.object({
  state: z.enum(['running', 'restarting', 'failed']),
  /** Restarts since the station started (attempts included while it is restarting). */
  restarts: z.int().nonnegative(),
  /** How the last hub process ended, when one did. */
  lastExit: z.object({ code: z.int().nullable(), signal: z.string().nullable(), at: z.iso.datetime() }).nullable(),
  since: z.iso.datetime(),
});
export type EmbeddedHubStatus = z.infer<typeof embeddedHubStatusSchema>;

export const printJobStatusSchema = z.object({
  jobId: z.string(),
  printer: z.string(),
  state: z.enum(['queued', 'sending', 'waiting-for-printer', 'done', 'failed']),
  /** The printing system's own words (English, for the log and support): screens show `reason` translated instead. */
  message: z.string().nullable(),
  // Optional so a status made elsewhere (a test's stand-in printer) needs only the four fields above.
  /** Why it failed or waits, as a code the screen translates; null while all is well. */
  reason: printReasonSchema.nullable().optional(),
  /** The printer setting it went to and what it is, so a screen can name it and offer another printer. */
  kind: printerKindSchema.nullable().optional(),
  document: printedDocumentSchema.nullable().optional(),
  /** Where it went, as the settings name it: the CUPS queue, or host:port of a raw-port printer. */
  destination: z.string().optional(),
  /** Someone has dealt with this failed or waiting job: it leaves the status bar's list. */
  dismissed: z.boolean().optional(),
});
export type PrintJobStatus = z.infer<typeof printJobStatusSchema>;

export const stationStatusSchema = z.object({
  stationId: z.string(),
  hub: hubStatusSchema,
  embeddedHub: embeddedHubStatusSchema.nullable(),
  outboxDepth: z.int().nonnegative(),
  scanners: z.array(scannerDeviceSchema),
  /** False where node-hid could not be loaded (e.g. libusb missing): shown, not hidden. */
  hidAvailable: z.boolean(),
  /** The hub's clock minus this station's, in ms, from the hub's latest answer; null until it answered (shared/domain/clock-skew.ts). */
  clockOffsetMs: z.number().nullable(),
});
export type StationStatus = z.infer<typeof stationStatusSchema>;
