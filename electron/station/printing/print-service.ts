import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PrintReason, PrintReasonCode } from '../../../shared/contract/print-job-reason';
import type { PrintedDocument, PrinterKind } from '../../../shared/contract/printer-profile';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { deliver } from './deliver';
import { PrinterConfigurationError, PrinterUnavailableError } from './delivery-errors';
import { cupsMediaName, documentCupsMedia, shippingLabelCupsMedia } from './label-media';
import { destinationOf, finishedStates, toPrintJob, toStatus, type PrintJob, type PrintJobState, type StoredPrintJob } from './print-job';
import { PrintJobStore } from './print-job-store';
import { describePrinter, printerProfileSchema, type PrinterProfile } from './printer-profile';
import { renderLabels, sameRendering } from './render-labels';
import type { RenderedLabels } from './rendered-labels';
import { defaultRetryPolicy, retryDelay, type RetryPolicy } from './retry-delay';
import { renderShippingLabelsPdf } from './render-shipping-label';
import { renderShippingLabelsZpl } from './render-shipping-label-zpl';
import { describeShippingLabelProblems, shippingLabelSchema, type ShippingLabel } from './shipping-label';
import { describeLabelProblems, skuLabelBatchSchema, type SkuLabel } from './sku-label';

export interface PrintServiceOptions {
  /** Where jobs are kept as files: pending ones are sent after a restart, finished ones can be reprinted. Without it jobs live in memory only. */
  dataDir?: string;
  log(message: string): void;
  /** Every change of a job's state, as the station contract's print.job event carries it. */
  onJobStatus(status: PrintJobStatus): void;
  retry?: Partial<RetryPolicy>;
  /** How long one delivery attempt may take: connect, send and the printer's close, or lp's answer. */
  sendTimeoutMs?: number;
  /** Finished jobs kept for reprinting; older ones are deleted. */
  keepFinishedJobs?: number;
}

/** Which printer setting a job went to and what it prints: shown on screens, used to offer another printer. */
export interface JobOrigin {
  kind: PrinterKind;
  document: PrintedDocument;
}

export interface PrintService {
  /**
   * Renders the labels for the printer and queues them. Bad input (a profile or label that fails its schema, an
   * absurd number of copies) does not throw: the job comes back failed, with the reason.
   */
  print(profile: unknown, labels: unknown, origin?: JobOrigin): Promise<PrintJob>;
  /** The same for 100 × 150 shipping labels: the same queue, retries, files on disk and reprints as SKU labels. */
  printShipping(profile: unknown, labels: unknown, origin?: JobOrigin): Promise<PrintJob>;
  /**
   * A finished PDF document (the end-of-day manifest) to a PDF printer, as it is: the same queue, retries, files on
   * disk and reprints as labels. A ZPL printer cannot print it: the job comes back failed, with the reason.
   */
  printDocument(profile: unknown, pdf: Buffer, title: string, origin?: JobOrigin): Promise<PrintJob>;
  /** Prints a job's labels again as a new job, on its own printer or on `profile`. Rejects for an unknown job id. */
  reprint(jobId: string, profile?: unknown): Promise<PrintJob>;
  job(jobId: string): PrintJob | null;
  /** Jobs oldest first: pending ones and the finished ones still kept. */
  jobs(): PrintJob[];
  /** Resolves when the job is done or failed. */
  settled(jobId: string): Promise<PrintJob>;
  /**
   * The job once its printer has given a first answer (done, failed, or waiting for the printer), or as it stands
   * after `withinMs`: what a screen waits for before it says "printed", "waiting for the printer" or "failed".
   */
  answered(jobId: string, withinMs: number): Promise<PrintJob>;
  /** Someone has dealt with a failed or waiting job: kept (on disk) so it stays out of the list after a restart. */
  dismiss(jobId: string): PrintJob | null;
  /** Gives up a job that has not started sending; null if there is no such job or it is past that. */
  cancel(jobId: string): PrintJob | null;
  /** Tries every job that waits for its printer now instead of at the end of its wait ("the printer is back on"). */
  retryNow(): void;
  /** Stops sending; pending jobs stay on disk for the next start. */
  close(): Promise<void>;
}

interface LiveJob {
  stored: StoredPrintJob;
  /** Kept in memory while the job is pending (read back from disk for a reprint). */
  payload: Buffer | null;
}

/** One printer's jobs go out one at a time and in order: a waiting job holds back the ones behind it. */
interface PrinterLine {
  pending: string[];
  running: Promise<void> | null;
  wake: (() => void) | null;
}

const defaultSendTimeoutMs = 30_000;
const defaultKeepFinishedJobs = 200;
const keepRejectedJobs = 100;

export function createPrintService(options: PrintServiceOptions): PrintService {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const sendTimeoutMs = options.sendTimeoutMs ?? defaultSendTimeoutMs;
  const keepFinished = options.keepFinishedJobs ?? defaultKeepFinishedJobs;
  const log = (message: string): void => options.log(`printing: ${message}`);
  const store = options.dataDir ? new PrintJobStore(options.dataDir) : null;
  const live = new Map<string, LiveJob>();
  /** Jobs refused before they were queued (bad input): reported like the others, never stored. */
  const rejected = new Map<string, PrintJob>();
  const lines = new Map<string, PrinterLine>();
  const waiters = new Map<string, Array<(job: PrintJob) => void>>();
  const answerWaiters = new Map<string, Array<(job: PrintJob) => void>>();
  let sequence = 0;
  let closed = false;

  function emit(job: PrintJob): void {
    try {
      options.onJobStatus(toStatus(job));
    } catch (error) {
      log(`a print job status listener failed: ${messageOf(error)}`);
    }
    if (finishedStates.has(job.state)) {
      for (const resolve of waiters.get(job.jobId) ?? []) resolve(job);
      waiters.delete(job.jobId);
    }
    if (answeredStates.has(job.state)) {
      for (const resolve of answerWaiters.get(job.jobId) ?? []) resolve(job);
      answerWaiters.delete(job.jobId);
    }
  }

  function update(job: LiveJob, state: PrintJobState, message: string, changes: Partial<StoredPrintJob> = {}): void {
    // A reason belongs to the state it explains: a job that moves on without a new one has none.
    Object.assign(job.stored, { reason: null }, changes, { state, message });
    if (finishedStates.has(state)) {
      job.stored.finishedAt = new Date().toISOString();
      job.payload = null;
    }
    try {
      store?.save(job.stored);
    } catch (error) {
      log(`could not save print job ${job.stored.jobId}: ${messageOf(error)}`);
    }
    emit(toPrintJob(job.stored));
    if (finishedStates.has(state)) pruneFinished();
  }

  function refuse(
    printer: string,
    reason: string,
    code: PrintReasonCode,
    origin: JobOrigin | null,
    params: PrintReason['params'] = {},
    profile?: PrinterProfile,
  ): PrintJob {
    const now = new Date().toISOString();
    const job: PrintJob = {
      jobId: randomUUID(),
      printer,
      state: 'failed',
      message: reason,
      reason: { code, params },
      kind: origin?.kind ?? null,
      document: origin?.document ?? null,
      dismissed: false,
      ...(profile ? { destination: destinationOf(profile) } : {}),
      labelCount: 0,
      warnings: [],
      createdAt: now,
      finishedAt: now,
      attempts: 0,
      printerJobId: null,
      reprintOf: null,
    };
    rejected.set(job.jobId, job);
    for (const old of rejected.keys()) if (rejected.size > keepRejectedJobs) rejected.delete(old);
    log(`refused a print job for ${printer}: ${reason}`);
    emit(job);
    return job;
  }

  async function enqueue(
    profile: PrinterProfile,
    labels: SkuLabel[],
    reprintOf: StoredPrintJob | null,
    origin: JobOrigin | null,
    shippingLabels?: ShippingLabel[],
    document?: { title: string; bytes: Buffer },
  ): Promise<PrintJob> {
    let rendered: Pick<RenderedLabels, 'bytes' | 'warnings' | 'labelCount'>;
    const documentTitle = document?.title ?? reprintOf?.pdfDocument?.title;
    const jobOrigin = origin ?? (reprintOf?.kind && reprintOf.document ? { kind: reprintOf.kind, document: reprintOf.document } : null);
    if (documentTitle !== undefined) {
      // A document is printed as it was made: only a PDF printer can take it, and a reprint sends the same bytes.
      if (profile.format !== 'pdf')
        return refuse(
          profile.id,
          `${documentTitle} is a PDF document; ${describePrinter(profile)} takes ZPL only`,
          'zpl-cannot-print-document',
          jobOrigin,
          {},
          profile,
        );
      const bytes = document?.bytes ?? (reprintOf ? payloadOf(reprintOf.jobId) : null);
      if (!bytes) return refuse(profile.id, `${documentTitle} is no longer kept, so it cannot be printed again`, 'render-failed', jobOrigin, {}, profile);
      rendered = { bytes, warnings: [], labelCount: pdfPageCount(bytes) };
    } else {
      try {
        // A reprint on a printer that takes the same bytes sends exactly what was printed before.
        const reused = reprintOf && sameRendering(reprintOf.profile, profile) ? payloadOf(reprintOf.jobId) : null;
        rendered =
          reused && reprintOf
            ? { bytes: reused, warnings: reprintOf.warnings, labelCount: reprintOf.labelCount }
            : await renderJob({ labels, shippingLabels }, profile);
      } catch (error) {
        return refuse(profile.id, `could not render the labels: ${messageOf(error)}`, 'render-failed', jobOrigin, {}, profile);
      }
    }
    const documentOf = documentTitle === undefined ? {} : { pdfDocument: { title: documentTitle } };
    const { bytes, warnings, labelCount } = rendered;

    const stored: StoredPrintJob = {
      jobId: randomUUID(),
      sequence: sequence++,
      printer: profile.id,
      state: 'queued',
      message: withWarnings(`${contents({ labelCount, ...documentOf })} queued for ${describePrinter(profile)}`, warnings),
      labelCount,
      warnings,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      attempts: 0,
      printerJobId: null,
      reprintOf: reprintOf?.jobId ?? null,
      reason: null,
      kind: jobOrigin?.kind ?? null,
      document: jobOrigin?.document ?? null,
      dismissed: false,
      profile,
      labels,
      ...(shippingLabels ? { shippingLabels } : {}),
      ...documentOf,
    };
    try {
      store?.savePayload(stored.jobId, bytes);
      store?.save(stored);
    } catch (error) {
      return refuse(profile.id, `could not keep the job on disk, so it was not queued: ${messageOf(error)}`, 'disk', jobOrigin, {}, profile);
    }
    live.set(stored.jobId, { stored, payload: bytes });
    lineFor(profile.id).pending.push(stored.jobId);
    const queued = toPrintJob(stored);
    emit(queued);
    run(profile.id);
    return queued;
  }

  function payloadOf(jobId: string): Buffer | null {
    return live.get(jobId)?.payload ?? store?.payload(jobId) ?? null;
  }

  function lineFor(printer: string): PrinterLine {
    let line = lines.get(printer);
    if (!line) lines.set(printer, (line = { pending: [], running: null, wake: null }));
    return line;
  }

  function run(printer: string): void {
    const line = lineFor(printer);
    if (line.running || closed) return;
    line.running = drain(line)
      .catch((error) => log(`the queue of ${printer} stopped: ${messageOf(error)}`))
      .finally(() => {
        line.running = null;
        if (line.pending.length > 0 && !closed) run(printer);
      });
  }

  async function drain(line: PrinterLine): Promise<void> {
    while (!closed && line.pending.length > 0) {
      const job = live.get(line.pending[0]!);
      if (!job || finishedStates.has(job.stored.state)) {
        line.pending.shift();
        continue;
      }
      const outcome = await attempt(job);
      if (outcome === 'finished') line.pending.shift();
      else await pause(line, retryDelay(policy, job.stored.attempts));
    }
  }

  async function attempt(job: LiveJob): Promise<'finished' | 'wait'> {
    const { stored } = job;
    const printer = describePrinter(stored.profile);
    const attempts = stored.attempts + 1;
    update(job, 'sending', `sending ${contents(stored)} to ${printer}${attempts > 1 ? ` (attempt ${attempts})` : ''}`, { attempts });
    try {
      const bytes = job.payload ?? store?.payload(stored.jobId) ?? (await renderJob(stored, stored.profile)).bytes;
      job.payload = bytes;
      const { printerJobId } = await deliver(stored.profile, bytes, `qwms ${stored.jobId}`, sendTimeoutMs, cupsMediaOf(stored));
      const accepted = printerJobId ? `; CUPS accepted it as job ${printerJobId}` : '';
      update(job, 'done', withWarnings(`${contents(stored)} sent to ${printer}${accepted}`, stored.warnings), { printerJobId });
      return 'finished';
    } catch (error) {
      if (error instanceof PrinterUnavailableError && !closed) {
        const delay = retryDelay(policy, attempts);
        update(job, 'waiting-for-printer', `${error.message}; trying again in ${seconds(delay)} (attempt ${attempts}, nothing is lost)`, {
          reason: error.reason,
        });
        return 'wait';
      }
      if (error instanceof PrinterUnavailableError) {
        // Closing while the printer is away: the job stays pending on disk and goes out after the next start.
        update(job, 'waiting-for-printer', `${error.message}; will be sent after the station restarts`, { reason: error.reason });
        return 'wait';
      }
      const reason: PrintReason = error instanceof PrinterConfigurationError ? error.reason : { code: 'printer-error', params: {} };
      update(job, 'failed', messageOf(error), { reason });
      return 'finished';
    }
  }

  function pause(line: PrinterLine, ms: number): Promise<void> {
    if (closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        line.wake = null;
        resolve();
      }
      line.wake = done;
    });
  }

  function pruneFinished(): void {
    const finished = [...live.values()].filter((job) => finishedStates.has(job.stored.state));
    for (const job of finished.slice(0, Math.max(0, finished.length - keepFinished))) {
      live.delete(job.stored.jobId);
      store?.remove(job.stored.jobId);
    }
  }

  // Jobs kept from the last run: finished ones for reprinting, pending ones sent again (even one that was being
  // sent when the station stopped: it may print twice, but it cannot be lost).
  for (const stored of store?.loadAll((file, reason) => log(`skipped unreadable print job file ${file}: ${reason}`)) ?? []) {
    // Written by this code, but perhaps by an older version of it: a job whose printer or labels no longer pass the
    // schemas is left on disk and reported, not sent half-understood.
    const profile = printerProfileSchema.safeParse(stored.profile);
    const shipping = stored.shippingLabels === undefined ? null : shippingLabelBatchSchema.safeParse(stored.shippingLabels);
    // Jobs kept by a version before printer kinds held the document's title in `document`.
    const legacy = stored as unknown as { document?: unknown };
    if (legacy.document && typeof legacy.document === 'object') Object.assign(stored, { pdfDocument: legacy.document, document: null });
    const labels =
      shipping || stored.pdfDocument ? { success: shipping?.success ?? true, data: [] as SkuLabel[] } : skuLabelBatchSchema.safeParse(stored.labels);
    if (!profile.success || !labels.success || (shipping && !shipping.success) || typeof stored.jobId !== 'string') {
      log(`skipped print job ${String(stored.jobId)} kept on disk: it does not match this version's job format`);
      continue;
    }
    Object.assign(stored, { profile: profile.data, labels: labels.data }, shipping?.success ? { shippingLabels: shipping.data } : {});
    sequence = Math.max(sequence, stored.sequence + 1);
    const job: LiveJob = { stored, payload: null };
    live.set(stored.jobId, job);
    if (finishedStates.has(stored.state)) continue;
    lineFor(stored.printer).pending.push(stored.jobId);
    update(job, 'queued', `queued again after a restart: ${contents(stored)} for ${describePrinter(stored.profile)}`);
  }
  for (const printer of lines.keys()) run(printer);

  return {
    async print(profileInput, labelsInput, origin = { kind: 'sku-labels', document: 'sku-labels' }) {
      const profile = printerProfileSchema.safeParse(profileInput);
      if (!profile.success) return refuse(printerIdOf(profileInput), `the printer profile is not valid: ${describeIssues(profile.error)}`, 'bad-input', origin);
      const labels = skuLabelBatchSchema.safeParse(labelsInput);
      if (!labels.success) return refuse(profile.data.id, describeLabelProblems(labels.error, labelsInput), 'bad-input', origin, {}, profile.data);
      return enqueue(profile.data, labels.data, null, origin);
    },

    async printShipping(profileInput, labelsInput, origin = { kind: 'shipping-labels', document: 'shipping-label' }) {
      const profile = printerProfileSchema.safeParse(profileInput);
      if (!profile.success) return refuse(printerIdOf(profileInput), `the printer profile is not valid: ${describeIssues(profile.error)}`, 'bad-input', origin);
      const labels = shippingLabelBatchSchema.safeParse(labelsInput);
      if (!labels.success) return refuse(profile.data.id, describeShippingLabelProblems(labels.error), 'bad-input', origin, {}, profile.data);
      return enqueue(profile.data, [], null, origin, labels.data);
    },

    async printDocument(profileInput, pdf, title, origin = { kind: 'documents', document: 'manifest' }) {
      const profile = printerProfileSchema.safeParse(profileInput);
      if (!profile.success) return refuse(printerIdOf(profileInput), `the printer profile is not valid: ${describeIssues(profile.error)}`, 'bad-input', origin);
      return enqueue(profile.data, [], null, origin, undefined, { title, bytes: pdf });
    },

    async reprint(jobId, profileInput) {
      const original = live.get(jobId)?.stored;
      if (!original) throw new Error(`there is no print job ${jobId} to reprint (only the last ${keepFinished} finished jobs are kept)`);
      if (profileInput === undefined) return enqueue(original.profile, original.labels, original, null, original.shippingLabels);
      const profile = printerProfileSchema.safeParse(profileInput);
      if (!profile.success) return refuse(printerIdOf(profileInput), `the printer profile is not valid: ${describeIssues(profile.error)}`, 'bad-input', null);
      return enqueue(profile.data, original.labels, original, null, original.shippingLabels);
    },

    job(jobId) {
      const job = live.get(jobId);
      return job ? toPrintJob(job.stored) : (rejected.get(jobId) ?? null);
    },

    jobs() {
      // Refused jobs (bad input, a ZPL printer for a document) are failures someone must see too.
      return [...live.values()]
        .map((job) => toPrintJob(job.stored))
        .concat([...rejected.values()])
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    settled(jobId) {
      const job = this.job(jobId);
      if (!job) return Promise.reject(new Error(`there is no print job ${jobId}`));
      if (finishedStates.has(job.state)) return Promise.resolve(job);
      return new Promise((resolve) => waiters.set(jobId, [...(waiters.get(jobId) ?? []), resolve]));
    },

    answered(jobId, withinMs) {
      const job = this.job(jobId);
      if (!job) return Promise.reject(new Error(`there is no print job ${jobId}`));
      if (answeredStates.has(job.state)) return Promise.resolve(job);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          answerWaiters.set(
            jobId,
            (answerWaiters.get(jobId) ?? []).filter((waiter) => waiter !== settle),
          );
          resolve(this.job(jobId) ?? job);
        }, withinMs);
        const settle = (answered: PrintJob): void => {
          clearTimeout(timer);
          resolve(answered);
        };
        answerWaiters.set(jobId, [...(answerWaiters.get(jobId) ?? []), settle]);
      });
    },

    dismiss(jobId) {
      const job = live.get(jobId);
      if (job) {
        job.stored.dismissed = true;
        try {
          store?.save(job.stored);
        } catch (error) {
          log(`could not save print job ${jobId}: ${messageOf(error)}`);
        }
        emit(toPrintJob(job.stored));
        return toPrintJob(job.stored);
      }
      const refused = rejected.get(jobId);
      if (!refused) return null;
      refused.dismissed = true;
      emit(refused);
      return refused;
    },

    cancel(jobId) {
      const job = live.get(jobId);
      if (!job || (job.stored.state !== 'queued' && job.stored.state !== 'waiting-for-printer')) return null;
      const line = lineFor(job.stored.printer);
      const wasFirst = line.pending[0] === jobId;
      update(job, 'failed', 'cancelled before it was printed', { reason: { code: 'cancelled', params: {} } });
      // The line skips a finished job at its head; wake it so the jobs behind do not wait out its backoff.
      if (wasFirst) line.wake?.();
      return toPrintJob(job.stored);
    },

    retryNow() {
      for (const line of lines.values()) line.wake?.();
    },

    async close() {
      closed = true;
      for (const line of lines.values()) line.wake?.();
      await Promise.all([...lines.values()].map((line) => line.running));
    },
  };
}

const shippingLabelBatchSchema = shippingLabelSchema
  .array()
  .min(1, 'there are no labels to print')
  .max(1000, 'more than 1000 shipping labels in one job: split it');

/** States that answer "did it print?": done, failed, or waiting for a printer that did not take it. */
const answeredStates: ReadonlySet<PrintJobState> = new Set(['done', 'failed', 'waiting-for-printer']);

/** The page a job was rendered for, as CUPS names it: what is printed decides, never another kind's setting. */
function cupsMediaOf(job: Pick<StoredPrintJob, 'pdfDocument' | 'shippingLabels' | 'profile'>): string {
  if (job.pdfDocument) return documentCupsMedia;
  if (job.shippingLabels) return shippingLabelCupsMedia;
  return cupsMediaName(job.profile.media);
}

/** A job's bytes for its printer: shipping labels (PDF or ZPL) when it carries them, else its SKU labels. */
function renderJob(
  job: { labels: readonly SkuLabel[]; shippingLabels?: readonly ShippingLabel[] | undefined; pdfDocument?: { title: string } | undefined },
  profile: PrinterProfile,
): Promise<Pick<RenderedLabels, 'bytes' | 'warnings' | 'labelCount'>> {
  // A document's bytes are its payload file; without that file there is nothing to make it again from.
  if (job.pdfDocument) return Promise.reject(new Error(`${job.pdfDocument.title}: its PDF file is missing from the print queue`));
  if (job.shippingLabels) return profile.format === 'zpl' ? renderShippingLabelsZpl(job.shippingLabels) : renderShippingLabelsPdf(job.shippingLabels);
  return renderLabels(job.labels, profile);
}

function withWarnings(message: string, warnings: readonly string[]): string {
  if (warnings.length === 0) return message;
  return `${message}. ${warnings.length === 1 ? 'Warning' : `${warnings.length} warnings`}: ${warnings.join('; ')}`;
}

/** What a job holds, for its status messages: labels, or a document's title and pages. */
function contents(job: { labelCount: number; pdfDocument?: { title: string } | undefined }): string {
  return job.pdfDocument ? `${job.pdfDocument.title} (${job.labelCount} page${job.labelCount === 1 ? '' : 's'})` : countLabels(job.labelCount);
}

/** The pages of a PDF as pdfkit writes it: one `/Type /Page` object each. */
function pdfPageCount(pdf: Buffer): number {
  return Math.max(1, pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0);
}

function countLabels(count: number): string {
  return `${count} label${count === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function printerIdOf(profile: unknown): string {
  const id = profile && typeof profile === 'object' ? (profile as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? id : 'unknown printer';
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
