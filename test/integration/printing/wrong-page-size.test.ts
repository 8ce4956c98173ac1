import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrintService } from '../../../electron/station/printing/print-service';
import { savePrinter } from '../../../electron/station/printing/station-printer';
import { StationPrinting } from '../../../electron/station/printing/station-printing';
import { StationStore } from '../../../electron/station/store/station-store';
import { printerProfileSchema, type PrinterKind } from '../../../shared/contract/printer-profile';
import { startCupsForTests } from '../../support/cups-test-queues';

const cups = await startCupsForTests();
const skipReason = 'unavailable' in cups ? cups.unavailable : null;
if (skipReason) console.warn(`[skipped] printing on a queue of the wrong page size: ${skipReason}`);

/** Jobs CUPS holds for a queue (lpstat -o): none must reach a queue that would print them on the wrong paper. */
function jobsAt(queue: string): string {
  return spawnSync('lpstat', ['-o', queue], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }).stdout.trim();
}

describe.skipIf(skipReason !== null)('a printer of the wrong size (a real CUPS queue on CUPS’s DYMO label driver)', { timeout: 60_000 }, () => {
  if (skipReason) return;
  const system = cups as Exclude<typeof cups, { unavailable: string }>;
  const queue = 'qwms-test-dymo';
  system.addDriverQueue(queue, 'drv:///sample.drv/dymo.ppd');
  const dir = mkdtempSync(join(tmpdir(), 'qwms-wrong-size-'));
  const store = new StationStore(dir);
  const printing = createPrintService({ dataDir: join(dir, 'print-jobs'), log: () => {}, onJobStatus: () => {} });
  const printers = new StationPrinting({ printing, store, stationId: 'st-1', answerWithinMs: 30_000 });
  afterAll(async () => {
    await printing.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
    await system.close();
  });

  it.each(['documents', 'shipping-labels', 'sku-labels'] as PrinterKind[])(
    'refuses %s on a small-label roll at once, with the page and queue named, nothing sent to CUPS',
    async (kind) => {
      // As the settings screen saves it: the DYMO queue chosen (wrongly) for this kind of document.
      savePrinter(store, kind, printerProfileSchema.parse({ id: kind, name: queue, kind: 'cups', queue }));
      const job = await printers.testPage(kind);
      expect(job.state).toBe('failed');
      expect(job.reason?.code).toBe('wrong-page-size');
      expect(job.reason?.params).toEqual({ queue, page: { documents: 'A4', 'shipping-labels': '100 × 150 mm', 'sku-labels': '50 × 30 mm' }[kind] });
      expect(jobsAt(queue)).toBe('');
    },
  );
});
