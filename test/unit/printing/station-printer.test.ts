import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printerFor, savePrinter, stationPrinters } from '../../../electron/station/printing/station-printer';
import { StationStore } from '../../../electron/station/store/station-store';
import { printerProfileSchema, setPrinterInputSchema } from '../../../shared/contract/printer-profile';

let dir: string;
let store: StationStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qwms-printers-'));
  store = new StationStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the printer for each kind of document', () => {
  it('starts a new station with one CUPS queue per kind, each with its own id', () => {
    expect(stationPrinters(store, {})).toMatchObject({
      'sku-labels': { id: 'sku-labels', kind: 'cups', queue: 'qwms-labels', media: 'roll-50x30' },
      'shipping-labels': { id: 'shipping-labels', kind: 'cups', queue: 'qwms-shipping-labels' },
      documents: { id: 'documents', kind: 'cups', queue: 'qwms-documents', format: 'pdf' },
    });
  });

  it("takes the settings screen's choice over the environment, and the environment per kind (QWMS_LABEL_PRINTER as before)", () => {
    const env = { QWMS_LABEL_PRINTER: 'tcp:zebra:9100:zpl', QWMS_DOCUMENT_PRINTER: 'cups:office' };
    expect(printerFor(store, 'sku-labels', env)).toMatchObject({ id: 'sku-labels', kind: 'raw-tcp', host: 'zebra', format: 'zpl' });
    expect(printerFor(store, 'shipping-labels', env)).toMatchObject({ id: 'shipping-labels', kind: 'raw-tcp', host: 'zebra', format: 'zpl' });
    expect(printerFor(store, 'shipping-labels', { ...env, QWMS_SHIPPING_LABEL_PRINTER: 'cups:ship' })).toMatchObject({ queue: 'ship' });
    expect(printerFor(store, 'documents', env)).toMatchObject({ id: 'documents', kind: 'cups', queue: 'office', format: 'pdf' });
    savePrinter(store, 'documents', printerProfileSchema.parse({ id: 'x', name: 'A4', kind: 'cups', queue: 'brother' }));
    expect(printerFor(store, 'documents', env)).toMatchObject({ id: 'documents', queue: 'brother' });
  });

  it('sends every kind to the single label printer of a station set up before kinds (each on its own page size)', () => {
    store.setSetting('printer.labels', JSON.stringify({ id: 'labels', name: 'old', kind: 'cups', queue: 'old-one', media: 'a4-3x8' }));
    expect(printerFor(store, 'sku-labels', {})).toMatchObject({ id: 'sku-labels', queue: 'old-one', media: 'a4-3x8' });
    expect(printerFor(store, 'shipping-labels', {})).toMatchObject({ id: 'shipping-labels', queue: 'old-one' });
    expect(printerFor(store, 'documents', {})).toMatchObject({ id: 'documents', queue: 'old-one' });
    // A ZPL label printer cannot take a document: documents keep their own default queue.
    store.setSetting('printer.labels', JSON.stringify({ id: 'labels', name: 'zebra', kind: 'raw-tcp', host: 'zebra', format: 'zpl' }));
    expect(printerFor(store, 'documents', {})).toMatchObject({ queue: 'qwms-documents', format: 'pdf' });
  });

  it('refuses a ZPL printer for A4 documents on the settings contract', () => {
    const profile = { id: 'documents', name: 'Zebra', kind: 'raw-tcp', host: 'zebra', format: 'zpl' };
    expect(setPrinterInputSchema.safeParse({ kind: 'documents', profile }).success).toBe(false);
    expect(setPrinterInputSchema.safeParse({ kind: 'shipping-labels', profile }).success).toBe(true);
  });
});
