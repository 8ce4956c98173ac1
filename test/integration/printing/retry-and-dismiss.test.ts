import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrintService } from '../../../electron/station/printing/print-service';
import { savePrinter } from '../../../electron/station/printing/station-printer';
import { StationPrinting } from '../../../electron/station/printing/station-printing';
import { StationStore } from '../../../electron/station/store/station-store';
import { printerProfileSchema } from '../../../shared/contract/printer-profile';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { listenAsPrinter, unusedPort } from '../../support/raw-port-listener';
import { towel } from './label-fixtures';

const rawPrinter = (port: number) => printerProfileSchema.parse({ id: 'sku-labels', name: 'label printer', kind: 'raw-tcp', host: '127.0.0.1', port });

describe('a job waiting for its printer, retried on the printer set up since, and dealt with (raw port)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-retry-'));
  const store = new StationStore(dir);
  const statuses: PrintJobStatus[] = [];
  // Long waits between attempts: only the retry can send the job again within this test.
  const options = {
    dataDir: join(dir, 'print-jobs'),
    log: () => {},
    onJobStatus: (status: PrintJobStatus) => statuses.push(status),
    retry: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
  };
  let printing = createPrintService(options);
  let printers = new StationPrinting({ printing, store, stationId: 'st-1' });
  afterAll(async () => {
    await printing.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers "waiting" with the reason, prints once on the new printer, and keeps the old one dealt with after a restart', async () => {
    savePrinter(store, 'sku-labels', rawPrinter(await unusedPort()));
    const waiting = await printers.skuLabels([towel]);
    expect(waiting).toMatchObject({ state: 'waiting-for-printer', kind: 'sku-labels', reason: { code: 'printer-unreachable' } });

    const printer = await listenAsPrinter();
    try {
      savePrinter(store, 'sku-labels', rawPrinter(printer.port));
      const retried = await printers.retry(waiting.jobId);
      expect(retried).toMatchObject({ state: 'done', kind: 'sku-labels', destination: `127.0.0.1:${printer.port}` });
      // The waiting job was given up, not sent as well: one job reached the printer.
      expect(printing.job(waiting.jobId)).toMatchObject({ state: 'failed', dismissed: true, reason: { code: 'cancelled' } });
      expect(printer.jobs).toHaveLength(1);
      // Never counted as a new failure on the way: every status of the old job after the retry is dealt with.
      const afterRetry = statuses.filter((status) => status.jobId === waiting.jobId && status.state === 'failed');
      expect(afterRetry.every((status) => status.dismissed)).toBe(true);
    } finally {
      await printer.close();
    }

    // The station restarts: the job comes back from disk still dealt with.
    await printing.close();
    printing = createPrintService(options);
    printers = new StationPrinting({ printing, store, stationId: 'st-1' });
    expect(printing.job(waiting.jobId)).toMatchObject({ state: 'failed', dismissed: true });
  });
});
