import type { PrinterProfile } from './printer-profile';
import { renderSkuLabelsPdf } from './render-pdf';
import { renderSkuLabelsZpl } from './render-zpl';
import type { RenderedLabels } from './rendered-labels';
import type { SkuLabel } from './sku-label';

/** The bytes a printer of this profile takes for these labels. */
export function renderLabels(labels: readonly SkuLabel[], profile: Pick<PrinterProfile, 'format' | 'media'>): Promise<RenderedLabels> {
  return profile.format === 'zpl' ? renderSkuLabelsZpl(labels) : renderSkuLabelsPdf(labels, profile.media);
}

/** Two profiles that render the same bytes: a reprint on either can reuse the first job's bytes. */
export function sameRendering(a: Pick<PrinterProfile, 'format' | 'media'>, b: Pick<PrinterProfile, 'format' | 'media'>): boolean {
  return a.format === b.format && (a.format === 'zpl' || a.media === b.media);
}
