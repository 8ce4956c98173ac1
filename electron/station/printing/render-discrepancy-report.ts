import PDFDocument from 'pdfkit';
import type { InspectionView } from '../../../shared/contract/receiving';
import { labelFont } from './label-font';
import { collect } from './render-pdf';
import { formatDateTime } from '../../../shared/domain/display-time';

import type { ReportWording } from '../../../shared/contract/receiving';

const mm = (value: number) => (value * 72) / 25.4;

/**
 * The discrepancy report of a finished inspection as an A4 PDF: every line with expected, counted and the
 * difference (over and short lines marked), then the unknown and other-seller items. Japanese text in the same
 * embedded font as the labels.
 */
export function renderDiscrepancyReport(view: InspectionView, words: ReportWording, now = new Date(), language = 'ja'): Promise<Buffer> {
  const font = labelFont();
  const doc = new PDFDocument({ size: 'A4', margin: mm(15), info: { Title: `${words.title} ${view.bundle.id}`, Producer: 'QWMS Floor' } });
  doc.registerFont('report', font.file);
  doc.font('report');
  const done = collect(doc);

  doc.fontSize(18).text(`${words.title} — ${view.bundle.id}`);
  doc
    .fontSize(10)
    .moveDown(0.3)
    .text(`${words.seller}: ${view.bundle.sellerName} (${view.bundle.sellerId})    ${words.printedAt}: ${formatDateTime(now, language)}`);
  doc.text(`${words.inspector}: ${view.inspectors.length > 0 ? view.inspectors.join('、') : '—'}`);
  doc.moveDown();

  const columns = [mm(15), mm(110), mm(135), mm(158), mm(180)];
  const header = [words.item, words.expected, words.counted, words.difference, ''];
  const row = (cells: string[], marked: boolean) => {
    const y = doc.y;
    let bottom = y + 14;
    doc.fillColor(marked ? '#b00020' : '#000000');
    cells.forEach((cell, i) => {
      doc.text(cell, columns[i], y, { width: (columns[i + 1] ?? mm(195)) - (columns[i] ?? 0) - 4 });
      // A wrapped cell pushes the next row down; the row ends below its tallest cell.
      bottom = Math.max(bottom, doc.y);
    });
    doc.fillColor('#000000');
    doc.y = bottom + 4;
    doc.x = columns[0] as number;
  };
  doc.fontSize(10);
  row(header, false);
  doc.moveTo(mm(15), doc.y).lineTo(mm(195), doc.y).stroke();
  doc.moveDown(0.3);
  for (const line of view.lines) {
    const expected = line.expected ?? 0;
    const difference = line.counted - expected;
    const marked = line.status === 'over' || line.status === 'short';
    row(
      [
        `${line.itemName} ${line.optionName}\n${line.sku}`,
        String(expected),
        String(line.counted),
        difference > 0 ? `+${difference}` : String(difference),
        words.statuses[line.status],
      ],
      marked,
    );
  }
  doc.moveDown();
  doc.fontSize(12).text(words.findings, mm(15));
  doc.fontSize(10);
  if (view.findings.length === 0) doc.text(words.none);
  // Each found item with labelled parts: what it is, whose it is, and the code as scanned.
  for (const finding of view.findings) {
    const parts = [
      finding.itemName ? `${words.item}: ${finding.itemName}${finding.optionName ? ` ${finding.optionName}` : ''}` : null,
      finding.sellerName ? `${words.seller}: ${finding.sellerName}` : null,
      finding.sku && finding.sku !== finding.code ? `${words.sku}: ${finding.sku}` : null,
      `${words.code}: ${finding.code}`,
    ].filter((part) => part !== null);
    doc.text(`${words.findingKinds[finding.kind]} × ${finding.quantity} — ${parts.join('  ')}`);
  }
  doc.end();
  return done;
}
