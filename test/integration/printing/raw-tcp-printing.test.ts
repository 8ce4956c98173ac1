import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { printJobStatusSchema, type PrintJobStatus } from '../../../shared/contract/schemas';
import { createPrintService, type PrintService } from '../../../electron/station/printing/print-service';
import { renderSkuLabelsZpl } from '../../../electron/station/printing/render-zpl';
import { skuLabelBatchSchema } from '../../../electron/station/printing/sku-label';
import { decodePdfBarcodes } from '../../support/barcode-tools';
import { expectedSkus, mug, towel } from './label-fixtures';
import { listenAsPrinter, unusedPort, type RawPortListener } from '../../support/raw-port-listener';

const fastRetry = { initialDelayMs: 100, maxDelayMs: 400 };

interface Harness {
  service: PrintService;
  statuses: PrintJobStatus[];
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startService(dataDir?: string): Harness {
  const statuses: PrintJobStatus[] = [];
  const service = createPrintService({
    dataDir,
    log: () => {},
    onJobStatus: (status) => statuses.push(printJobStatusSchema.parse(status)),
    retry: fastRetry,
    sendTimeoutMs: 5000,
  });
  cleanups.push(() => service.close());
  return { service, statuses };
}

async function printer(port?: number): Promise<RawPortListener> {
  const listener = await listenAsPrinter(port);
  cleanups.push(() => listener.close());
  return listener;
}

function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-print-jobs-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const zebra = (port: number) => ({ id: 'zebra-1', name: 'Zebra at the packing bench', kind: 'raw-tcp', host: '127.0.0.1', port, format: 'zpl' });

describe('printing to a raw TCP port (9100)', () => {
  it('delivers ZPL byte for byte, and reports queued → sending → done', async () => {
    const listener = await printer();
    const { service, statuses } = startService();
    const job = await service.print(zebra(listener.port), [towel, mug]);
    expect(job).toMatchObject({ state: 'queued', printer: 'zebra-1', labelCount: 5 });

    const received = await listener.job(0);
    const expected = await renderSkuLabelsZpl(skuLabelBatchSchema.parse([towel, mug]));
    expect(received.equals(expected.bytes)).toBe(true);
    expect(received.toString('ascii')).toMatch(/^\^XA[\s\S]*\^XZ\n$/);

    expect(await service.settled(job.jobId)).toMatchObject({ state: 'done', attempts: 1 });
    expect(statuses.filter((status) => status.jobId === job.jobId).map((status) => status.state)).toEqual(['queued', 'sending', 'done']);
    expect(statuses.at(-1)!.message).toContain(`5 labels sent to 127.0.0.1:${listener.port}`);
  });

  it('delivers a PDF whose barcodes read back, to a printer that takes PDF on its raw port', async () => {
    const listener = await printer();
    const { service } = startService();
    const job = await service.print({ ...zebra(listener.port), format: 'pdf' }, [towel]);
    await service.settled(job.jobId);
    expect(decodePdfBarcodes(await listener.job(0))).toEqual(expectedSkus([towel]).map((sku) => [sku]));
  });

  it('keeps a job while the printer is off, says so, and prints it when the printer comes back', async () => {
    const port = await unusedPort();
    const { service, statuses } = startService();
    const first = await service.print(zebra(port), [towel]);
    const second = await service.print(zebra(port), [mug]);

    await expect.poll(() => service.job(first.jobId)?.state).toBe('waiting-for-printer');
    const waiting = statuses.find((status) => status.jobId === first.jobId && status.state === 'waiting-for-printer')!;
    expect(waiting.message).toMatch(
      /127\.0\.0\.1:\d+ refused or dropped the connection \(ECONNREFUSED\); trying again in 100 ms \(attempt 1, nothing is lost\)/,
    );
    // The job behind it waits its turn: labels come out in the order they were asked for.
    expect(service.job(second.jobId)?.state).toBe('queued');
    await expect.poll(() => service.job(first.jobId)?.attempts).toBeGreaterThanOrEqual(2);

    const listener = await printer(port);
    expect(await service.settled(first.jobId)).toMatchObject({ state: 'done' });
    expect(await service.settled(second.jobId)).toMatchObject({ state: 'done', attempts: 1 });
    const [towelZpl, mugZpl] = [await listener.job(0), await listener.job(1)];
    expect(towelZpl.toString('ascii')).toContain('^FD300001289771-00003^FS');
    expect(mugZpl.toString('ascii')).toContain('^FD300001289772-00001^FS');
  });

  it('resends pending jobs after a restart from the files under dataDir, and reprints a finished job by id', async () => {
    const dataDir = temporaryDir();
    const port = await unusedPort();
    const before = startService(dataDir);
    const job = await before.service.print(zebra(port), [towel]);
    await expect.poll(() => before.service.job(job.jobId)?.state).toBe('waiting-for-printer');
    await before.service.close();

    const listener = await printer(port);
    const after = startService(dataDir);
    expect(await after.service.settled(job.jobId)).toMatchObject({ state: 'done', labelCount: 3 });
    expect(after.statuses.find((status) => status.jobId === job.jobId)).toMatchObject({
      state: 'queued',
      message: expect.stringContaining('queued again after a restart'),
    });
    const original = await listener.job(0);

    const reprint = await after.service.reprint(job.jobId);
    expect(reprint).toMatchObject({ reprintOf: job.jobId, labelCount: 3 });
    expect(reprint.jobId).not.toBe(job.jobId);
    await after.service.settled(reprint.jobId);
    expect((await listener.job(1)).equals(original)).toBe(true);
    await expect(after.service.reprint('no-such-job')).rejects.toThrow(/no print job no-such-job/);
  });

  it("reprints on another printer in that printer's format", async () => {
    const zpl = await printer();
    const pdf = await printer();
    const { service } = startService();
    const job = await service.print(zebra(zpl.port), [mug]);
    await service.settled(job.jobId);
    const again = await service.reprint(job.jobId, { id: 'office', name: 'Office', kind: 'raw-tcp', host: '127.0.0.1', port: pdf.port, format: 'pdf' });
    await service.settled(again.jobId);
    expect(decodePdfBarcodes(await pdf.job(0))).toEqual(expectedSkus([mug]).map((sku) => [sku]));
  });

  it('lets the operator cancel a job that waits for its printer', async () => {
    const port = await unusedPort();
    const { service } = startService();
    const job = await service.print(zebra(port), [towel]);
    await expect.poll(() => service.job(job.jobId)?.state).toBe('waiting-for-printer');
    expect(service.cancel(job.jobId)).toMatchObject({ state: 'failed', message: 'cancelled before it was printed' });
    expect(await service.settled(job.jobId)).toMatchObject({ state: 'failed' });
  });
});
