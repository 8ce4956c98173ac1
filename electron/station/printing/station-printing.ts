import { StationFailure } from '../../../shared/contract/errors';
import type { PrintedDocument, PrinterKind, PrinterProfile } from '../../../shared/contract/printer-profile';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { formatDateTime } from '../../../shared/domain/display-time';
import type { StationStore } from '../store/station-store';
import { toStatus, type PrintJob } from './print-job';
import type { PrintService } from './print-service';
import { printerFor } from './station-printer';
import { renderDocumentTestPage, testShippingLabel, testSkuLabel } from './test-page';

/**
 * How long a screen waits for the printer's first answer before it is told "waiting for the printer": lp answers
 * within a second when CUPS is up; a raw port that does not connect within this is reported as waiting, and the
 * print.job events carry the rest.
 */
export const defaultAnswerWithinMs = 4000;

/**
 * The station's printing as the screens use it: every kind of document on its own printer setting, each call
 * answering with the job as the printer left it (done only when the queue or the port took it).
 */
export class StationPrinting {
  constructor(private readonly deps: { printing: PrintService; store: StationStore; stationId: string; answerWithinMs?: number }) {}

  /** The job as its printer first answered (or as it stands after a few seconds). */
  async answer(job: PrintJob): Promise<PrintJobStatus> {
    return toStatus(await this.deps.printing.answered(job.jobId, this.deps.answerWithinMs ?? defaultAnswerWithinMs));
  }

  printer(kind: PrinterKind): PrinterProfile {
    return printerFor(this.deps.store, kind);
  }

  async skuLabels(labels: unknown): Promise<PrintJobStatus> {
    return this.answer(await this.deps.printing.print(this.printer('sku-labels'), labels));
  }

  async shippingLabel(label: unknown): Promise<PrintJobStatus> {
    return this.answer(await this.deps.printing.printShipping(this.printer('shipping-labels'), [label]));
  }

  async document(document: PrintedDocument, pdf: Buffer, title: string): Promise<PrintJobStatus> {
    return this.answer(await this.deps.printing.printDocument(this.printer('documents'), pdf, title, { kind: 'documents', document }));
  }

  /** One sample page of the kind on its printer, marked as a test (テスト印刷) with a barcode to read back. */
  async testPage(kind: PrinterKind): Promise<PrintJobStatus> {
    const { printing, stationId } = this.deps;
    const origin = { kind, document: 'test-page' } as const;
    const profile = this.printer(kind);
    if (kind === 'sku-labels') return this.answer(await printing.print(profile, [testSkuLabel], origin));
    if (kind === 'shipping-labels') return this.answer(await printing.printShipping(profile, [testShippingLabel(stationId)], origin));
    const pdf = await renderDocumentTestPage(stationId, formatDateTime(new Date().toISOString(), 'ja'));
    return this.answer(await printing.printDocument(profile, pdf, 'テスト印刷 A4', origin));
  }

  /**
   * A failed or waiting job printed again as a new job, on its kind's printer as set now (fixed on the settings
   * screen) or on another CUPS queue chosen for this once; the old job counts as dealt with.
   */
  async retry(jobId: string, queue?: string): Promise<PrintJobStatus> {
    const { printing } = this.deps;
    const original = printing.job(jobId);
    if (!original) throw new StationFailure('bad-input', `there is no print job ${jobId}`);
    const kind = original.kind ?? 'sku-labels';
    const current = this.printer(kind);
    const profile = queue ? { ...current, kind: 'cups' as const, queue, server: null, name: queue } : current;
    // Dealt with first, so giving it up below never shows as a new failure on the status bar.
    printing.dismiss(jobId);
    // A job still waiting would print twice: it is given up (one that is being sent cannot be, and may).
    printing.cancel(jobId);
    let job: PrintJob;
    try {
      job = await printing.reprint(jobId, profile);
    } catch (error) {
      throw new StationFailure('bad-input', error instanceof Error ? error.message : String(error));
    }
    return this.answer(job);
  }

  dismiss(jobId: string): PrintJobStatus {
    const job = this.deps.printing.dismiss(jobId);
    if (!job) throw new StationFailure('bad-input', `there is no print job ${jobId}`);
    return toStatus(job);
  }
}
