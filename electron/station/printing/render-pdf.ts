import PDFDocument from 'pdfkit';
import { BarcodeCache } from './barcode-symbols';
import { drawSkuLabel } from './draw-sku-label';
import { labelFont } from './label-font';
import { sheetGeometries, type LabelMedia, type SheetGeometry } from './label-media';
import { recordForm, placeForm, type PdfForm } from './pdf-form';
import type { RenderedLabels } from './rendered-labels';
import { labelDesignKey, type SkuLabel } from './sku-label';
import { layoutSkuLabel, type SkuLabelLayout } from './sku-label-layout';
import { mmToPt } from './units';

const fontName = 'label';

/** A batch of SKU labels as one PDF: a page per label on a roll, or rows and columns of labels on A4 sheets. */
export async function renderSkuLabelsPdf(labels: readonly SkuLabel[], media: LabelMedia): Promise<RenderedLabels> {
  const font = labelFont();
  const barcodes = new BarcodeCache();
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: 'SKU labels', Producer: 'QWMS Floor' } });
  const output = collect(doc);
  doc.registerFont(fontName, font.file);

  // A label that repeats (same SKU, same text) is laid out and drawn once, whatever its copies and wherever it recurs.
  const forms = new Map<string, { form: PdfForm; layout: SkuLabelLayout }>();
  const warnings = new Set<string>();
  const placements: PdfForm[] = [];
  for (const label of labels) {
    const key = labelDesignKey(label);
    let entry = forms.get(key);
    if (!entry) {
      const layout = layoutSkuLabel(label, font, barcodes);
      const form = recordForm(doc, `L${forms.size + 1}`, layout.widthPt, layout.heightPt, () => drawSkuLabel(doc, layout, fontName));
      entry = { form, layout };
      forms.set(key, entry);
      for (const warning of layout.warnings) warnings.add(warning);
    }
    for (let copy = 0; copy < label.copies; copy++) placements.push(entry.form);
  }

  const [first] = forms.values();
  if (media === 'roll-50x30') placeOnRoll(doc, placements, first?.layout);
  else placeOnSheets(doc, placements, sheetGeometries[media], first?.layout);
  doc.end();
  return { bytes: await output, labelCount: placements.length, warnings: [...warnings], barcodeEncodings: barcodes.encodings };
}

function placeOnRoll(doc: PDFKit.PDFDocument, placements: readonly PdfForm[], layout: SkuLabelLayout | undefined): void {
  if (!layout) return;
  for (const form of placements) {
    doc.addPage({ size: [layout.widthPt, layout.heightPt], margin: 0 });
    placeForm(doc, form, 0, 0);
  }
}

function placeOnSheets(doc: PDFKit.PDFDocument, placements: readonly PdfForm[], sheet: SheetGeometry, layout: SkuLabelLayout | undefined): void {
  if (!layout) return;
  const perSheet = sheet.columns * sheet.rows;
  const cellWidth = mmToPt(sheet.cellMm.width);
  const cellHeight = mmToPt(sheet.cellMm.height);
  const scale = Math.min(cellWidth / layout.widthPt, cellHeight / layout.heightPt);
  // Centred in the cell: label stock is die-cut, and a printer's paper feed is off by a millimetre either way.
  const insetX = (cellWidth - layout.widthPt * scale) / 2;
  const insetY = (cellHeight - layout.heightPt * scale) / 2;
  placements.forEach((form, index) => {
    const slot = index % perSheet;
    if (slot === 0) doc.addPage({ size: [mmToPt(sheet.pageMm.width), mmToPt(sheet.pageMm.height)], margin: 0 });
    const column = slot % sheet.columns;
    const row = Math.floor(slot / sheet.columns);
    const x = mmToPt(sheet.originMm.x + column * sheet.pitchMm.x) + insetX;
    const y = mmToPt(sheet.originMm.y + row * sheet.pitchMm.y) + insetY;
    placeForm(doc, form, x, y, scale);
  });
}

/** The whole PDF once pdfkit has written it. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
