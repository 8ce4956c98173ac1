import { describe, expect, it } from 'vitest';
import { renderSkuLabelsPdf } from '../../../electron/station/printing/render-pdf';
import { skuLabelBatchSchema } from '../../../electron/station/printing/sku-label';
import { sheetGeometries } from '../../../electron/station/printing/label-media';
import { decodePdfBarcodes, pdfText } from '../../support/barcode-tools';
import { everyLabel, expectedSkus, longButFits, tooLong, towel } from './label-fixtures';

const labels = skuLabelBatchSchema.parse(everyLabel);
const pdfObjects = (pdf: Buffer, pattern: RegExp) => pdf.toString('latin1').match(pattern)?.length ?? 0;
const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

describe('SKU labels on a 50 × 30 mm roll (PDF)', async () => {
  const rendered = await renderSkuLabelsPdf(labels, 'roll-50x30');

  it('has a 50 × 30 mm page per physical label, each barcode reading back as its exact SKU at 300 dpi', () => {
    expect(rendered.labelCount).toBe(7);
    expect(pdfObjects(rendered.bytes, /\/MediaBox \[0 0 141\.73\d* 85\.03\d*\]/g)).toBe(7);
    expect(decodePdfBarcodes(rendered.bytes, { dpi: 300 })).toEqual(expectedSkus(everyLabel).map((sku) => [sku]));
  });

  it('still scans when printed by a 203 dpi head in pure black and white', () => {
    expect(decodePdfBarcodes(rendered.bytes, { dpi: 203, mono: true })).toEqual(expectedSkus(everyLabel).map((sku) => [sku]));
  });

  it('carries the Japanese item names, option names and seller codes as text (embedded font, no tofu)', () => {
    const text = withoutSpaces(pdfText(rendered.bytes));
    for (const label of everyLabel) {
      expect(text).toContain(withoutSpaces(label.itemName));
      expect(text).toContain(withoutSpaces(label.optionName));
      if (label.sellerSkuCode) expect(text).toContain(label.sellerSkuCode);
      expect(text).toContain(label.sku);
    }
    expect(rendered.bytes.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('draws vectors only, encodes each SKU once and draws each distinct label once however many copies', () => {
    expect(pdfObjects(rendered.bytes, /\/Subtype \/Image/g)).toBe(0);
    expect(rendered.barcodeEncodings).toBe(4);
    expect(pdfObjects(rendered.bytes, /\/Subtype \/Form/g)).toBe(4);
  });

  it('reports no warnings when everything fitted', () => {
    expect(rendered.warnings).toEqual([]);
  });
});

describe('SKU labels on A4 sheets for office printers (PDF)', () => {
  it.each(['a4-3x8', 'a4-4x10'] as const)('%s: fills every cell of the grid, then a second sheet, every barcode readable', async (media) => {
    const sheet = sheetGeometries[media];
    const perSheet = sheet.columns * sheet.rows;
    // zbarimg reports a code once per image however often it appears, so each cell gets its own SKU.
    const batch = skuLabelBatchSchema.parse(
      Array.from({ length: perSheet + 1 }, (_, index) => ({ ...towel, sku: `3000013000${String(index).padStart(2, '0')}-00001`, copies: 1 })),
    );
    const rendered = await renderSkuLabelsPdf(batch, media);
    expect(pdfObjects(rendered.bytes, /\/MediaBox \[0 0 595\.27\d* 841\.88\d*\]/g)).toBe(2);

    const pages = decodePdfBarcodes(rendered.bytes, { dpi: 300 });
    const skus = batch.map((label) => label.sku);
    expect(pages[0]!.sort()).toEqual(skus.slice(0, perSheet).sort());
    expect(pages[1]).toEqual(skus.slice(perSheet));
    expect(withoutSpaces(pdfText(rendered.bytes))).toContain(withoutSpaces(towel.itemName));
  });
});

describe('text too long for the label', async () => {
  const rendered = await renderSkuLabelsPdf(skuLabelBatchSchema.parse([longButFits, tooLong]), 'roll-50x30');
  const text = withoutSpaces(pdfText(rendered.bytes));

  it('is shrunk and wrapped while it can be, and then still printed in full', () => {
    expect(text).toContain(withoutSpaces(longButFits.itemName));
    expect(rendered.warnings.some((warning) => warning.includes(longButFits.sku))).toBe(false);
  });

  it('ends in an ellipsis when it cannot, with a warning naming the label and field — never cut off silently', () => {
    expect(rendered.warnings).toEqual([
      expect.stringMatching(new RegExp(`^item name of ${tooLong.sku} is too long for the label .*…"$`)),
      expect.stringMatching(new RegExp(`^option name of ${tooLong.sku} is too long`)),
    ]);
    expect(text).toContain('…');
    expect(text).toContain(withoutSpaces('【送料無料】超ロング商品名'));
    expect(text).not.toContain('最後の言葉');
    // Shortened or not, the barcode is untouched.
    expect(decodePdfBarcodes(rendered.bytes).flat()).toEqual([longButFits.sku, tooLong.sku]);
  });

  it('keeps a seller code that fits at a smaller size whole', () => {
    expect(text).toContain(tooLong.sellerSkuCode);
  });
});
