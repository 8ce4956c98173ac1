import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { createPrintService } from '../../../electron/station/printing/print-service';
import { renderSkuLabelsZpl } from '../../../electron/station/printing/render-zpl';
import { skuLabelBatchSchema } from '../../../electron/station/printing/sku-label';
import { decodePdfBarcodes } from '../../support/barcode-tools';
import { startCupsForTests } from '../../support/cups-test-queues';
import { cupsPdfOutput } from '../../support/cups-pdf-output';
import { expectedSkus, mug, plainBag, towel } from './label-fixtures';
import { listenAsPrinter } from '../../support/raw-port-listener';

const cups = await startCupsForTests();
const skipReason = 'unavailable' in cups ? cups.unavailable : null;
if (skipReason) console.warn(`[skipped] CUPS printing tests: ${skipReason}`);

// cups-pdf takes a second or two per job through Ghostscript; give a slow machine room.
describe.skipIf(skipReason !== null)('printing through a real CUPS queue', { timeout: 90_000 }, () => {
  if (skipReason) return;
  const system = cups as Exclude<typeof cups, { unavailable: string }>;
  const statuses: PrintJobStatus[] = [];
  const service = createPrintService({ log: () => {}, onJobStatus: (status) => statuses.push(status), retry: { initialDelayMs: 200, maxDelayMs: 1000 } });
  afterAll(async () => {
    await service.close();
    await system.close();
  });

  it('hands a PDF of labels to lp, gets the CUPS job id back, and cups-pdf prints barcodes that read back', async () => {
    system.addPdfQueue('qwms-test-pdf');
    const job = await service.print({ id: 'cups-pdf', name: 'cups-pdf', kind: 'cups', queue: 'qwms-test-pdf' }, [towel, plainBag]);
    const done = await service.settled(job.jobId);
    expect(done).toMatchObject({ state: 'done', printerJobId: expect.stringMatching(/^qwms-test-pdf-\d+$/) });
    expect(done.message).toContain(`CUPS accepted it as job ${done.printerJobId}`);

    const printed = await cupsPdfOutput(system.pdfOutputDirs, job.jobId.slice(0, 8));
    expect(decodePdfBarcodes(printed)).toEqual(expectedSkus([towel, plainBag]).map((sku) => [sku]));
  });

  it('sends ZPL through a raw CUPS queue to the printer port untouched', async () => {
    const port = await listenAsPrinter();
    try {
      system.addRawSocketQueue('qwms-test-zpl', port.port);
      const job = await service.print({ id: 'cups-zebra', name: 'Zebra via CUPS', kind: 'cups', queue: 'qwms-test-zpl', format: 'zpl' }, [mug]);
      expect(await service.settled(job.jobId)).toMatchObject({ state: 'done' });
      const expected = await renderSkuLabelsZpl(skuLabelBatchSchema.parse([mug]));
      expect((await port.job(0, 60_000)).equals(expected.bytes)).toBe(true);
    } finally {
      await port.close();
    }
  });

  it('fails a job for a queue CUPS does not have, saying so', async () => {
    const job = await service.print({ id: 'typo', name: 'typo', kind: 'cups', queue: 'qwms-no-such-queue' }, [towel]);
    expect(await service.settled(job.jobId)).toMatchObject({
      state: 'failed',
      message: expect.stringContaining('CUPS has no queue "qwms-no-such-queue"'),
      reason: { code: 'no-such-queue', params: { queue: 'qwms-no-such-queue' } },
    });
  });

  it('waits for a queue that is not accepting jobs, and prints once it is', async () => {
    system.addPdfQueue('qwms-test-paused');
    expect(spawnSync('cupsreject', ['qwms-test-paused']).status).toBe(0);
    const job = await service.print({ id: 'paused', name: 'paused', kind: 'cups', queue: 'qwms-test-paused' }, [mug]);
    await expect.poll(() => service.job(job.jobId)?.state, { timeout: 10_000 }).toBe('waiting-for-printer');
    expect(service.job(job.jobId)!.message).toMatch(/not accepting jobs.*trying again/);
    expect(service.job(job.jobId)!.reason).toEqual({ code: 'queue-not-accepting', params: { queue: 'qwms-test-paused' } });
    expect(spawnSync('cupsaccept', ['qwms-test-paused']).status).toBe(0);
    service.retryNow();
    expect(await service.settled(job.jobId)).toMatchObject({ state: 'done' });
    const printed = await cupsPdfOutput(system.pdfOutputDirs, job.jobId.slice(0, 8));
    expect(decodePdfBarcodes(printed)).toEqual(expectedSkus([mug]).map((sku) => [sku]));
  });
});
