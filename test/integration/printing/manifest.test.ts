import { describe, expect, it } from 'vitest';
import { renderManifestPdf, type ManifestParcel } from '../../../electron/station/printing/render-manifest';
import { trackingBlock } from '../../../shared/domain/tracking-numbers';
import { pdfText } from '../../support/barcode-tools';

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');
const pdfObjects = (pdf: Buffer, pattern: RegExp) => pdf.toString('latin1').match(pattern)?.length ?? 0;
const recipients = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健'];

function parcels(count: number): ManifestParcel[] {
  return trackingBlock(30_000_000_100, count).map((trackingNumber, index) => ({
    trackingNumber,
    orderNo: String(1_029_384_000 + index),
    recipientName: recipients[index % recipients.length]!,
    itemCount: (index % 3) + 1,
  }));
}

describe('end-of-day manifest (A4 PDF)', () => {
  it('lists every parcel of the carrier with its tracking number, order number, recipient and the totals', async () => {
    const list = parcels(5);
    const pdf = await renderManifestPdf({ service: 'yamato', date: '2026-11-27', station: 'PACK-01', parcels: list });
    const text = withoutSpaces(pdfText(pdf));
    expect(pdfObjects(pdf, /\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/g)).toBe(1);
    expect(text).toContain('出荷明細書—ヤマト宅急便');
    expect(text).toContain('出荷日:2026/11/27');
    expect(text).toContain('ステーション:PACK-01');
    for (const parcel of list) {
      expect(text.replaceAll('-', '')).toContain(parcel.trackingNumber);
      expect(text).toContain(parcel.orderNo);
      expect(text).toContain(withoutSpaces(`${parcel.recipientName}様`));
    }
    // 5 parcels holding 1 + 2 + 3 + 1 + 2 items.
    expect(text).toContain('合計:5個口');
    expect(text).toContain('商品点数:9点');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('runs onto further pages with the captions repeated, losing no parcel', async () => {
    const list = parcels(120);
    const pdf = await renderManifestPdf({ service: 'sagawa', date: '2026-11-27', station: 'PACK-02', parcels: list });
    const pages = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim().length > 0)
      .map(withoutSpaces);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('お問い合わせ番号');
    const all = pages.join('').replaceAll('-', '');
    for (const parcel of list) expect(all).toContain(parcel.trackingNumber);
    expect(pages.at(-1)).toContain('合計:120個口');
    expect(pages.at(-1)).toContain(`商品点数:${list.reduce((sum, parcel) => sum + parcel.itemCount, 0)}点`);
  });

  it('names the carrier whose driver signs, and prints cart and management numbers, seller, prefecture and the time slot', async () => {
    const [first, second] = trackingBlock(30_000_000_500, 2) as [string, string];
    const pdf = await renderManifestPdf({
      service: 'sagawa',
      date: '2026-11-27',
      station: 'PACK-01',
      branch: '0000011520',
      parcels: [
        {
          trackingNumber: first,
          orderNo: '1029384001',
          orderNos: ['1029384001', '1029384002'],
          cartNo: '88001',
          managementNo: null,
          sellerName: 'さくら雑貨店',
          recipientName: '山田 太郎',
          prefecture: '千葉県',
          timeSlot: '14-16',
          itemCount: 2,
        },
        {
          trackingNumber: second,
          orderNo: 'MG-7',
          cartNo: null,
          managementNo: 'MG-7',
          sellerName: 'フジ アパレル',
          recipientName: '佐藤 花子',
          prefecture: '大阪府',
          timeSlot: 'morning',
          itemCount: 1,
        },
      ],
    });
    const text = withoutSpaces(pdfText(pdf));
    expect(text).toContain('運送会社:佐川急便');
    expect(text).toContain('荷送人:Qxpress');
    expect(text).toContain('拠点:0000011520');
    expect(text).toContain('カート88001');
    expect(text).toContain('1029384002');
    expect(text).toContain('管理番号MG-7');
    expect(text).toContain('さくら雑貨店');
    expect(text).toContain('千葉県');
    expect(text).toContain('大阪府');
    expect(text).toContain('14時〜16時');
    expect(text).toContain('午前中');
    expect(text).toContain('合計:2個口');
    expect(text).toContain('商品点数:3点');
  });

  it('names the carrier in Japanese and still prints an empty day', async () => {
    const pdf = await renderManifestPdf({ service: 'nekopos', date: '2026-11-28', station: 'PACK-01', parcels: [] });
    const text = withoutSpaces(pdfText(pdf));
    expect(text).toContain('ネコポス');
    // Nekopos is a Yamato product: Yamato's driver signs for it.
    expect(text).toContain('運送会社:ヤマト運輸');
    expect(text).toContain('合計:0個口');
  });
});
