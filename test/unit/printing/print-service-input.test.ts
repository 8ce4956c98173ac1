import { afterAll, describe, expect, it } from 'vitest';
import { printJobStatusSchema, type PrintJobStatus } from '../../../shared/contract/schemas';
import { createPrintService } from '../../../electron/station/printing/print-service';

const statuses: PrintJobStatus[] = [];
const service = createPrintService({ log: () => {}, onJobStatus: (status) => statuses.push(status) });
afterAll(() => service.close());

// Never contacted: every job here is refused before it is queued.
const printer = { id: 'zebra-1', name: 'Zebra', kind: 'raw-tcp', host: '127.0.0.1', port: 9, format: 'zpl' };
const label = { sku: '300001289771-00003', itemName: 'ボディタオル', optionName: 'サイズ : L', sellerSkuCode: 'TOWEL-L', copies: 1 };

describe('a print job with bad input', () => {
  it.each([
    ['an empty SKU', [{ ...label, sku: '' }], 'label 1: sku is empty'],
    ['no copies', [{ ...label, copies: 0 }], 'label 1: copies must be a whole number from 1 to 1000 (got 0)'],
    ['an absurd number of copies', [label, { ...label, copies: 100_000 }], 'label 2: copies must be a whole number from 1 to 1000 (got 100000)'],
    ['no labels', [], 'there are no labels to print'],
  ])('fails at once with the reason: %s', async (_case, labels, reason) => {
    const job = await service.print(printer, labels);
    expect(job).toMatchObject({ state: 'failed', printer: 'zebra-1', attempts: 0, labelCount: 0 });
    expect(job.message).toContain(reason);
    // The screen gets a reason code to translate (never the English message) and what the job was for.
    expect(statuses.at(-1)).toEqual({
      jobId: job.jobId,
      printer: 'zebra-1',
      state: 'failed',
      message: job.message,
      reason: { code: 'bad-input', params: {} },
      kind: 'sku-labels',
      document: 'sku-labels',
      dismissed: false,
      destination: '127.0.0.1:9',
    });
    expect(printJobStatusSchema.parse(statuses.at(-1))).toEqual(statuses.at(-1));
    expect(await service.settled(job.jobId)).toMatchObject({ state: 'failed' });
  });

  it('fails with the reason when the printer profile is wrong', async () => {
    const job = await service.print({ ...printer, port: 'ninety-one hundred' }, [label]);
    expect(job).toMatchObject({ state: 'failed', printer: 'zebra-1' });
    expect(job.message).toMatch(/^the printer profile is not valid: port: /);
    const sheetOfZpl = await service.print({ ...printer, media: 'a4-3x8' }, [label]);
    expect(sheetOfZpl.message).toContain('ZPL is for label rolls');
  });

  it('sends nothing for a refused job, but lists it as failed (the status bar shows it) until dealt with', () => {
    const jobs = service.jobs();
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((job) => job.state === 'failed' && job.attempts === 0)).toBe(true);
    const dealtWith = service.dismiss(jobs[0]!.jobId);
    expect(dealtWith).toMatchObject({ dismissed: true });
    expect(statuses.at(-1)).toMatchObject({ jobId: jobs[0]!.jobId, dismissed: true });
  });
});
