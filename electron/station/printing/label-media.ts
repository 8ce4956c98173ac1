import type { LabelMedia } from '../../../shared/contract/printer-profile';
import { skuLabelSize } from './sku-label-layout';

export { labelMediaSchema, type LabelMedia } from '../../../shared/contract/printer-profile';

/*
 * The geometry of a sheet is that of the stock in the tray (Avery L7159-style 3 × 8 of 63.5 × 33.9 mm, and 4 × 10 of
 * 48.5 × 25.4 mm); the 50 × 30 mm design is scaled to fit a cell.
 */

export interface SheetGeometry {
  pageMm: { width: number; height: number };
  columns: number;
  rows: number;
  cellMm: { width: number; height: number };
  /** Distance from one cell's top-left corner to the next one's. */
  pitchMm: { x: number; y: number };
  /** Top-left corner of the first cell. */
  originMm: { x: number; y: number };
}

const a4 = { width: 210, height: 297 };

export const sheetGeometries: Record<Exclude<LabelMedia, 'roll-50x30'>, SheetGeometry> = {
  'a4-3x8': { pageMm: a4, columns: 3, rows: 8, cellMm: { width: 63.5, height: 33.9 }, pitchMm: { x: 66, y: 33.9 }, originMm: { x: 7.25, y: 12.9 } },
  'a4-4x10': { pageMm: a4, columns: 4, rows: 10, cellMm: { width: 48.5, height: 25.4 }, pitchMm: { x: 48.5, y: 25.4 }, originMm: { x: 8, y: 21.5 } },
};

/** The page size lp asks the printer for, as a CUPS media name. */
export function cupsMediaName(media: LabelMedia): string {
  return media === 'roll-50x30' ? `Custom.${skuLabelSize.widthMm}x${skuLabelSize.heightMm}mm` : 'A4';
}

/** The shipping label's page as CUPS names it (100 × 150 mm, portrait). */
// Written out: render-shipping-label.ts (shippingLabelSize) imports render-pdf.ts, which imports this file.
export const shippingLabelCupsMedia = 'Custom.100x150mm';
/** Every station document (manifest, pick list, reports) is an A4 portrait page. */
export const documentCupsMedia = 'A4';
