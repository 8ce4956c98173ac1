/**
 * PDF form XObjects with pdfkit: a label is drawn once into a form and each copy is one `Do` operator, so 20 copies
 * of a SKU cost one label's drawing and 20 short lines of page content.
 *
 * pdfkit has no public API for forms. It does all its drawing through `doc.page` (write() for content, fonts and
 * xobjects for resources, height for flipping text), so while a form is recorded `doc.page` is a stand-in that
 * writes into the form's stream and resources instead. Fonts stay pdfkit's: it subsets and embeds them at the end
 * as usual, and the form's resources point at the same font objects as the pages.
 */

type Doc = PDFKit.PDFDocument;

export interface PdfForm {
  name: string;
  ref: PDFKit.PDFKitReference;
}

export function recordForm(doc: Doc, name: string, widthPt: number, heightPt: number, draw: () => void): PdfForm {
  const resources: Record<string, unknown> = { ProcSet: ['PDF', 'Text'] };
  const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, widthPt, heightPt], Resources: resources });
  const dictionary = (key: string): Record<string, unknown> => (resources[key] ??= {}) as Record<string, unknown>;
  const formPage = {
    width: widthPt,
    height: heightPt,
    margins: { top: 0, left: 0, bottom: 0, right: 0 },
    maxY: () => heightPt,
    write: (chunk: string) => ref.write(chunk),
    get fonts() {
      return dictionary('Font');
    },
    get xobjects() {
      return dictionary('XObject');
    },
    get ext_gstates() {
      return dictionary('ExtGState');
    },
    get patterns() {
      return dictionary('Pattern');
    },
    get colorSpaces() {
      return dictionary('ColorSpace');
    },
    markings: [],
  };

  const page = doc.page;
  doc.page = formPage as unknown as PDFKit.PDFPage;
  try {
    doc.save();
    draw();
    doc.restore();
  } finally {
    doc.page = page;
  }
  ref.end(undefined);
  return { name, ref };
}

/** Places a recorded form with its top-left corner at (x, y) of the current page (pdfkit's y-down points). */
export function placeForm(doc: Doc, form: PdfForm, xPt: number, yPt: number, scale = 1): void {
  doc.page.xobjects[form.name] = form.ref;
  doc.addContent(`q ${num(scale)} 0 0 ${num(scale)} ${num(xPt)} ${num(yPt)} cm /${form.name} Do Q`);
}

function num(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}
