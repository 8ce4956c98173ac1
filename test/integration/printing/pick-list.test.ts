import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PickView } from '../../../shared/contract/picking';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { PickListPrinting } from '../../../electron/station/picking/pick-list-printing';
import { renderPickListPdf, type PrintedPickLine } from '../../../electron/station/printing/render-pick-list';
import { decodeBarcodes, pdfText, rasterisePdf } from '../../support/barcode-tools';

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');
const names = [
  'オーガニックコットン タオル',
  '北海道産 はちみつ 500g',
  'ステンレス 保温ボトル 350ml',
  '和柄 手ぬぐい（桜）',
  'ワイヤレスイヤホン Bluetooth 5.3 ノイズキャンセリング 長時間再生モデル',
];
const options = ['ホワイト / M', 'ネイビー / L', '', '桜柄'];

/** `count` lines in walking order: bins A-01-01-01 … across zones, the last without a bin. */
function lines(count: number): PrintedPickLine[] {
  return Array.from({ length: count }, (_, index) => ({
    bin:
      index === count - 1
        ? null
        : `${'ABC'[Math.floor(index / 25)]}-${String(1 + Math.floor((index % 25) / 5)).padStart(2, '0')}-${String(1 + (index % 5)).padStart(2, '0')}-01`,
    itemName: names[index % names.length]!,
    optionName: options[index % options.length]!,
    sku: `3${String(10_000_000_000 + index)}-${String(index + 1).padStart(5, '0')}`,
    quantity: index % 6 === 0 ? 4 : 1 + (index % 3),
    orders:
      index % 6 === 0
        ? [
            { orderNo: String(700_000_100 + index), quantity: 1 },
            { orderNo: String(700_000_500 + index), quantity: 3 },
          ]
        : [{ orderNo: String(700_000_100 + index), quantity: 1 + (index % 3) }],
  }));
}

const scratch = mkdtempSync(join(tmpdir(), 'qwms-pick-list-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('printed pick list (A4 PDF)', () => {
  it('runs onto further pages with the list id readable as Code 128 on every page, bins in walking order, names in Japanese and the totals', async () => {
    const list = lines(60);
    const pdf = await renderPickListPdf({ id: 'PL00000042', createdAt: '2026-11-27T00:05:00Z', branch: '0000011520', station: 'PACK-01', lines: list });

    const { dir, pages } = rasterisePdf(pdf, { dpi: 300 });
    try {
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const page of pages) expect(decodeBarcodes(page)).toEqual(['PL00000042']);
      copyFileSync(pages[0]!, '/tmp/pick-list-page1.png');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const text = pdfText(pdf);
    const pageTexts = text
      .split('\f')
      .filter((page) => page.trim().length > 0)
      .map(withoutSpaces);
    expect(pageTexts.length).toBeGreaterThanOrEqual(2);
    pageTexts.forEach((page, index) => {
      expect(page).toContain('ピッキングリスト');
      expect(page).toContain('PL00000042');
      expect(page).toContain('棚番');
      expect(page).toContain(`${index + 1}/${pageTexts.length}ページ`);
    });
    const all = withoutSpaces(text);
    expect(all).toContain('拠点:0000011520');
    // 00:05 UTC is 09:05 in Tokyo, in the one display format, whatever the zone this test runs in.
    expect(all).toContain('作成:2026/11/2709:05');
    expect(all).not.toMatch(/JST|UTC/);
    expect(all).toContain('ステーション:PACK-01');

    // The bins as they come off the pages are the walking order, and every line is there.
    const bins = [...text.matchAll(/\b[A-Z]-\d{2}-\d{2}-\d{2}\b/g)].map((match) => match[0]);
    expect(bins).toEqual(list.flatMap((line) => (line.bin ? [line.bin] : [])));
    // Walking order written out: rack by rack along an aisle, aisle by aisle, then the next zone.
    expect(bins.slice(0, 7)).toEqual(['A-01-01-01', 'A-01-02-01', 'A-01-03-01', 'A-01-04-01', 'A-01-05-01', 'A-02-01-01', 'A-02-02-01']);
    expect(bins.slice(23, 27)).toEqual(['A-05-04-01', 'A-05-05-01', 'B-01-01-01', 'B-01-02-01']);
    expect(bins.slice(-2)).toEqual(['C-02-03-01', 'C-02-04-01']);
    expect(bins.length).toBe(59);
    expect(all).toContain('棚番なし');
    for (const line of list) {
      expect(all).toContain(withoutSpaces(line.itemName));
      expect(all).toContain(line.sku);
      for (const order of line.orders) expect(all).toContain(order.orderNo);
    }
    for (const option of options.filter(Boolean)) expect(all).toContain(withoutSpaces(option));
    const units = list.reduce((sum, line) => sum + line.quantity, 0);
    const orders = new Set(list.flatMap((line) => line.orders.map((order) => order.orderNo))).size;
    expect(pageTexts.at(-1)).toContain(`合計:60行${units}点注文${orders}件`);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('fits a short list on one page, without page numbers', async () => {
    const pdf = await renderPickListPdf({
      id: 'PL00000001',
      createdAt: new Date('2026-11-26T15:30:00Z'),
      branch: '0000011520',
      station: 'PACK-02',
      lines: lines(3),
    });
    const pages = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim().length > 0);
    expect(pages).toHaveLength(1);
    expect(withoutSpaces(pages[0]!)).not.toContain('ページ');
    expect(withoutSpaces(pages[0]!)).toContain('合計:3行');
    // 15:30 UTC is already the next day in Tokyo.
    expect(withoutSpaces(pages[0]!)).toContain('作成:2026/11/2700:30');
  });
});

describe('printing a pick list at the station', () => {
  const view: PickView = {
    id: 'PL00000007',
    createdAt: '2026-11-27T01:00:00Z',
    currentSku: '310000000000-00001',
    complete: false,
    lines: [
      {
        sku: '310000000000-00001',
        bin: 'A-01-01-01',
        itemName: '北海道産 はちみつ',
        optionName: '500g',
        jan: null,
        expected: 3,
        picked: 1,
        orders: [
          { orderId: 'o1', orderNo: '700000001', cartNo: null, sku: '310000000000-00001', quantity: 1, picked: 1, done: true },
          { orderId: 'o2', orderNo: '700000002', cartNo: null, sku: '310000000000-00001', quantity: 2, picked: 0, done: false },
        ],
      },
    ],
  };
  const queued: { pdf: Buffer; title: string }[] = [];
  const printing = new PickListPrinting({
    picking: { open: (code) => (code === view.id ? { list: view, refusal: null } : { list: null, refusal: 'unknown-pick-list' }) },
    branchCode: '0000011520',
    stationId: 'PACK-01',
    reportsDir: join(scratch, 'reports'),
    printDocument: async (pdf, title): Promise<PrintJobStatus> => {
      queued.push({ pdf, title });
      return { jobId: 'job-1', printer: 'documents', state: 'queued', message: null };
    },
  });

  it('keeps the PDF in the reports folder and queues it on the document printer', async () => {
    const result = await printing.print('PL00000007');
    expect(result).toMatchObject({ refusal: null, job: { jobId: 'job-1', state: 'queued' }, lineCount: 1 });
    expect(result.path).toBe(join(scratch, 'reports', 'pick-list-PL00000007.pdf'));
    expect(readFileSync(result.path!)).toEqual(queued[0]!.pdf);
    expect(queued[0]!.title).toBe('ピッキングリスト PL00000007');
    const text = withoutSpaces(pdfText(queued[0]!.pdf));
    // The whole list goes on paper, units already picked included: 3 units for two orders.
    expect(text).toContain('700000001×1');
    expect(text).toContain('700000002×2');
    expect(text).toContain('合計:1行3点注文2件');
  });

  it('refuses a list it does not have, printing nothing', async () => {
    const before = queued.length;
    expect(await printing.print('PL99999999')).toEqual({ refusal: 'unknown-pick-list', job: null, path: null, bytes: 0, lineCount: 0 });
    expect(queued).toHaveLength(before);
    expect(existsSync(join(scratch, 'reports', 'pick-list-PL99999999.pdf'))).toBe(false);
  });
});
