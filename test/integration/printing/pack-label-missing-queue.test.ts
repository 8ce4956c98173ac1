import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackingService } from '../../../electron/station/packing/packing-service';
import { createPrintService } from '../../../electron/station/printing/print-service';
import { savePrinter } from '../../../electron/station/printing/station-printer';
import { StationPrinting } from '../../../electron/station/printing/station-printing';
import { StationStore } from '../../../electron/station/store/station-store';
import { printerProfileSchema } from '../../../shared/contract/printer-profile';
import { startCupsForTests } from '../../support/cups-test-queues';
import { benchBranch, benchOrder, benchSku, seedPackBench } from '../../support/pack-bench-fixtures';

const cups = await startCupsForTests();
const skipReason = 'unavailable' in cups ? cups.unavailable : null;
if (skipReason) console.warn(`[skipped] pack bench with a missing CUPS queue: ${skipReason}`);

const branch = benchBranch;
const order = benchOrder();

describe.skipIf(skipReason !== null)('the pack bench with its shipping-label queue missing (real CUPS, real print queue)', { timeout: 60_000 }, () => {
  if (skipReason) return;
  const system = cups as Exclude<typeof cups, { unavailable: string }>;
  const dir = mkdtempSync(join(tmpdir(), 'qwms-pack-missing-'));
  const store = new StationStore(dir);
  const printing = createPrintService({ dataDir: join(dir, 'print-jobs'), log: () => {}, onJobStatus: () => {} });
  const printers = new StationPrinting({ printing, store, stationId: 'st-1' });
  afterAll(async () => {
    await printing.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
    await system.close();
  });

  it('answers the label step with a failed job and the reason code no-such-queue, never as printed', async () => {
    // A queue chosen once and since removed from the PC (or typed wrong): lp says "The printer or class does not exist".
    savePrinter(store, 'shipping-labels', printerProfileSchema.parse({ id: 'shipping-labels', name: 'gone', kind: 'cups', queue: 'qwms-test-gone' }));
    seedPackBench(store, [order]);
    const packing = new PackingService({
      store,
      branchCode: branch,
      hub: { url: 'http://127.0.0.1:9', stationId: 'st-1', secret: 'x' },
      record: (kind, payload, userId) => store.appendEvent(kind, payload, userId),
      printLabel: (label) => printers.shippingLabel(label),
      log: () => {},
    });
    packing.scan('o-1', benchSku, null);
    const result = await packing.label('o-1', 'yamato', null, null);
    expect(result.job).toMatchObject({
      state: 'failed',
      kind: 'shipping-labels',
      document: 'shipping-label',
      reason: { code: 'no-such-queue', params: { queue: 'qwms-test-gone' } },
    });
    // lp's English stays in the message for the log; the screen words the code (printing.reasons.no-such-queue).
    expect(result.job?.message).toMatch(/does not exist/);
    // The failure is one someone must deal with: listed, and dismissed only when dealt with.
    expect(printing.jobs().find((job) => job.jobId === result.job?.jobId)).toMatchObject({ state: 'failed', dismissed: false });
  });
});
