import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrintService, type PrintService } from '../../../electron/station/printing/print-service';
import { renderManifestPdf } from '../../../electron/station/printing/render-manifest';
import { trackingBlock } from '../../../shared/domain/tracking-numbers';
import { listenAsPrinter, type RawPortListener } from '../../support/raw-port-listener';
import { waitUntil } from '../../support/wait-until';

/** A finished PDF (the end-of-day manifest) through the label queue: sent as it is, kept, reprinted byte for byte. */
describe('printing a document through the print queue', () => {
  let dataDir: string;
  let printer: RawPortListener;
  let service: PrintService;
  const profile = () => ({ id: 'office', name: 'office', kind: 'raw-tcp', host: '127.0.0.1', port: printer.port, format: 'pdf', media: 'a4-3x8' });

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qwms-doc-'));
    printer = await listenAsPrinter();
    service = createPrintService({ dataDir, log: () => {}, onJobStatus: () => {}, retry: { initialDelayMs: 50, maxDelayMs: 200 }, sendTimeoutMs: 5000 });
  });
  afterEach(async () => {
    await service.close();
    await printer.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends the PDF unchanged, counts its pages, and reprints the same bytes', async () => {
    const parcels = trackingBlock(30_000_000_100, 120).map((trackingNumber, index) => ({
      trackingNumber,
      orderNo: String(1_000 + index),
      recipientName: '山田 太郎',
      itemCount: 1,
    }));
    const pdf = await renderManifestPdf({ service: 'yamato', date: '2026-11-27', station: 'PACK-01', parcels });
    const queued = await service.printDocument(profile(), pdf, '出荷明細書 ヤマト宅急便 2026-11-27');
    const done = await service.settled(queued.jobId);
    expect(done.state).toBe('done');
    expect(done.labelCount).toBeGreaterThan(1);
    expect(done.message).toContain('出荷明細書 ヤマト宅急便 2026-11-27 (');
    expect(done.message).toContain('pages) sent to 127.0.0.1');
    expect((await printer.job(0)).equals(pdf)).toBe(true);

    const again = await service.settled((await service.reprint(queued.jobId)).jobId);
    expect(again).toMatchObject({ state: 'done', reprintOf: queued.jobId });
    expect((await printer.job(1)).equals(pdf)).toBe(true);
  });

  it('refuses a ZPL printer with the reason, sending nothing', async () => {
    const pdf = await renderManifestPdf({ service: 'nekopos', date: '2026-11-27', station: 'PACK-01', parcels: [] });
    const job = await service.printDocument({ ...profile(), format: 'zpl', media: 'roll-50x30' }, pdf, '出荷明細書 ネコポス 2026-11-27');
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(/PDF document.*ZPL only/);
    expect(printer.jobs).toEqual([]);
  });

  it('keeps a waiting document across a restart and sends it when the printer is back', async () => {
    const pdf = await renderManifestPdf({ service: 'sagawa', date: '2026-11-27', station: 'PACK-01', parcels: [] });
    const port = printer.port;
    await printer.close();
    const queued = await service.printDocument(profile(), pdf, '出荷明細書 佐川急便 2026-11-27');
    await waitUntil(() => service.job(queued.jobId)?.state === 'waiting-for-printer', 'the job to wait for the printer');
    await service.close();

    printer = await listenAsPrinter(port);
    service = createPrintService({ dataDir, log: () => {}, onJobStatus: () => {}, retry: { initialDelayMs: 50, maxDelayMs: 200 }, sendTimeoutMs: 5000 });
    expect((await service.settled(queued.jobId)).state).toBe('done');
    expect((await printer.job(0)).equals(pdf)).toBe(true);
  });
});
