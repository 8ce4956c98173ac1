// The station PC's zone must not change a printed time: this file runs with the host in UTC (Node reads TZ anew).
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { renderManifestPdf } from '../../../electron/station/printing/render-manifest';
import { renderPickListPdf } from '../../../electron/station/printing/render-pick-list';
import { pdfText } from '../../support/barcode-tools';

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

describe('printed times are Japan time in one format, with the station PC in UTC', () => {
  it('runs with the host zone in UTC (so a local-time formatter would show 00:20)', () => {
    expect(new Date('2026-12-07T00:20:00Z').getHours()).toBe(0);
  });

  it('prints the pick list creation time as Tokyo wall clock, no zone suffix, no US or ISO-T form', async () => {
    const pdf = await renderPickListPdf({
      id: 'PL00000009',
      createdAt: '2026-12-07T00:20:00Z',
      branch: '0000011520',
      station: 'PACK-01',
      lines: [
        { bin: 'A-01-01-01', sku: '300000000001-00001', itemName: '綿シャツ', optionName: 'M', quantity: 1, orders: [{ orderNo: '1029384001', quantity: 1 }] },
      ],
    });
    const text = withoutSpaces(pdfText(pdf));
    expect(text).toContain('作成:2026/12/0709:20');
    expect(text).not.toMatch(/UTC|JST|AM|PM|12\/07\/2026|T00:20/);
  });

  it('prints the manifest day in the same convention', async () => {
    const pdf = await renderManifestPdf({ service: 'sagawa', date: '2026-12-07', station: 'PACK-01', parcels: [] });
    expect(withoutSpaces(pdfText(pdf))).toContain('出荷日:2026/12/07');
  });
});
