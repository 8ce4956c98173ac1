import { describe, expect, it } from 'vitest';
import { labelFont } from '../../../electron/station/printing/label-font';
import { layoutShippingLabel, renderShippingLabelsPdf } from '../../../electron/station/printing/render-shipping-label';
import { renderShippingLabelsZpl } from '../../../electron/station/printing/render-shipping-label-zpl';
import { describeShippingLabelProblems, shippingLabelSchema, type ShippingLabelInput } from '../../../electron/station/printing/shipping-label';
import { trackingNumberFromSerial } from '../../../shared/domain/tracking-numbers';
import { decodePdfBarcodes, pdfText } from '../../support/barcode-tools';

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');
const pdfObjects = (pdf: Buffer, pattern: RegExp) => pdf.toString('latin1').match(pattern)?.length ?? 0;
/** zbarimg prints Codabar with its start and stop characters, as scanners on the floor send it. */
const codabar = (trackingNumber: string) => `A${trackingNumber}A`;

const sender = { name: 'Qxpress 船橋センター', postalCode: '273-0001', address: '千葉県船橋市市場1丁目8番1号', phone: '047-000-0000' };

const nekopos: ShippingLabelInput = {
  trackingNumber: trackingNumberFromSerial(30_000_000_001),
  service: 'nekopos',
  timeSlot: null,
  recipient: { name: '山田 太郎', postalCode: '〒150-0002', address: '東京都渋谷区渋谷2丁目21番1号 渋谷ヒカリエ 11階', phone: '03-1234-5678' },
  sender,
  orderNo: '1029384756',
  cartNo: '88776655',
  managementNo: null,
  itemCount: 1,
  qrPayload: 'QWMS:ORDER:ord_01HZX3K9',
};

const sagawa: ShippingLabelInput = {
  ...nekopos,
  trackingNumber: trackingNumberFromSerial(30_000_000_002),
  service: 'sagawa',
  timeSlot: '14-16',
  recipient: { name: '佐藤 花子', postalCode: '5300001', address: '大阪府大阪市北区梅田3丁目1番1号 グランフロント大阪 タワーA 25階', phone: '06-9876-5432' },
  orderNo: 'OP-20261127-0042',
  cartNo: null,
  managementNo: 'MG-55501',
  itemCount: 3,
  qrPayload: 'QWMS:ORDER:ord_01HZX3KA',
};

const yamato: ShippingLabelInput = {
  ...nekopos,
  trackingNumber: trackingNumberFromSerial(30_000_000_003),
  service: 'yamato',
  recipient: { ...nekopos.recipient, name: '鈴木 一郎', address: '北海道札幌市中央区北1条西2丁目' },
  itemCount: 12,
  qrPayload: 'QWMS:ORDER:ord_01HZX3KB',
};

const everyLabel = [nekopos, sagawa, yamato];
const parsed = everyLabel.map((label) => shippingLabelSchema.parse(label));

describe('shipping labels, 100 × 150 mm (PDF)', async () => {
  const rendered = await renderShippingLabelsPdf(parsed);
  const text = withoutSpaces(pdfText(rendered.bytes));

  it('has a 100 × 150 mm page per label whose NW-7 reads back as the tracking number and QR as the payload at 300 dpi', () => {
    expect(rendered.labelCount).toBe(3);
    expect(pdfObjects(rendered.bytes, /\/MediaBox \[0 0 283\.46\d* 425\.19\d*\]/g)).toBe(3);
    const pages = decodePdfBarcodes(rendered.bytes, { dpi: 300 });
    expect(pages.map((codes) => codes.sort())).toEqual(everyLabel.map((label) => [codabar(label.trackingNumber), label.qrPayload].sort()));
  });

  it('still scans when printed by a 203 dpi head in pure black and white', () => {
    const pages = decodePdfBarcodes(rendered.bytes, { dpi: 203, mono: true });
    expect(pages.map((codes) => codes.sort())).toEqual(everyLabel.map((label) => [codabar(label.trackingNumber), label.qrPayload].sort()));
  });

  it('carries the recipient, sender, service name in Japanese and reference numbers as text (embedded font)', () => {
    for (const label of everyLabel) {
      expect(text).toContain(withoutSpaces(label.recipient.address));
      expect(text).toContain(withoutSpaces(`${label.recipient.name}様`));
      expect(text).toContain(label.recipient.phone);
      expect(text).toContain(label.orderNo);
      expect(text).toContain(`${label.trackingNumber.slice(0, 4)}-${label.trackingNumber.slice(4, 8)}-${label.trackingNumber.slice(8)}`);
      expect(text).toContain(`個数${label.itemCount}`);
    }
    expect(text).toContain('ネコポス');
    expect(text).toContain('佐川急便');
    expect(text).toContain('ヤマト宅急便');
    expect(text).toContain('〒150-0002');
    expect(text).toContain('〒530-0001'); // typed without the hyphen, printed with it
    expect(text).toContain(withoutSpaces(sender.address));
    expect(text).toContain('カート番号88776655');
    expect(text).toContain('管理番号MG-55501');
    expect(rendered.bytes.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('shows the time slot on the Sagawa label only', () => {
    const pages = pdfText(rendered.bytes).split('\f').map(withoutSpaces);
    expect(pages[1]).toContain('時間帯14時〜16時');
    expect(pages[0]).not.toContain('時間帯');
    expect(pages[2]).not.toContain('時間帯');
  });

  it('draws vectors only and reports no warnings when everything fitted', () => {
    expect(pdfObjects(rendered.bytes, /\/Subtype \/Image/g)).toBe(0);
    expect(rendered.warnings).toEqual([]);
  });
});

describe('labels that must not be printed', () => {
  it('refuses a tracking number whose check digit is not the first eleven digits mod 7', () => {
    const good = trackingNumberFromSerial(30_000_000_001);
    const bad = `${good.slice(0, 11)}${(Number(good.at(-1)) + 1) % 7}`;
    const result = shippingLabelSchema.safeParse({ ...nekopos, trackingNumber: bad });
    expect(result.success).toBe(false);
    expect(describeShippingLabelProblems(result.error!)).toBe('trackingNumber: tracking-check-digit');
  });

  it('refuses a time slot on Nekopos and Yamato, which deliver without one', () => {
    for (const service of ['nekopos', 'yamato'] as const) {
      const result = shippingLabelSchema.safeParse({ ...nekopos, service, timeSlot: 'morning' });
      expect(result.success).toBe(false);
      expect(describeShippingLabelProblems(result.error!)).toBe('timeSlot: time-slot-not-offered');
    }
  });

  it('names every bad field at once', () => {
    const result = shippingLabelSchema.safeParse({
      ...nekopos,
      trackingNumber: '12345',
      recipient: { ...nekopos.recipient, postalCode: '12-34' },
      itemCount: 0,
    });
    expect(describeShippingLabelProblems(result.error!).split('; ')).toEqual([
      'trackingNumber: invalid-tracking-number',
      'recipient.postalCode: recipient postal code is not 7 digits like 123-4567',
      'itemCount: itemCount must be a whole number from 1 to 999',
    ]);
  });
});

describe('a very long address', async () => {
  const longButFits = shippingLabelSchema.parse({
    ...nekopos,
    recipient: {
      ...nekopos.recipient,
      address: '東京都千代田区丸の内1丁目9番1号 東京駅一番街 地下1階 東京キャラクターストリート内 株式会社サンプル商事 物流管理部 受付カウンター気付',
    },
  });
  const tooLong = shippingLabelSchema.parse({
    ...yamato,
    recipient: { ...yamato.recipient, address: `${'東京都千代田区丸の内1丁目9番1号 東京駅一番街 地下1階 東京キャラクターストリート内 '.repeat(6)}最後の部屋` },
  });
  const rendered = await renderShippingLabelsPdf([longButFits, tooLong]);
  const pages = pdfText(rendered.bytes).split('\f').map(withoutSpaces);

  it('is shrunk and wrapped while it can be, and then printed in full without a warning', () => {
    expect(pages[0]).toContain(withoutSpaces(longButFits.recipient.address));
    expect(rendered.warnings.some((warning) => warning.includes(longButFits.trackingNumber))).toBe(false);
  });

  it('ends in an ellipsis when it cannot, with a warning naming the label and field — never cut off silently', () => {
    expect(rendered.warnings).toEqual([expect.stringMatching(new RegExp(`^recipient address on ${tooLong.trackingNumber} is too long for the label .*…"$`))]);
    expect(pages[1]).toContain('…');
    expect(pages[1]).not.toContain('最後の部屋');
    // Shortened or not, both codes are untouched.
    expect(decodePdfBarcodes(rendered.bytes).map((codes) => codes.sort())).toEqual(
      [longButFits, tooLong].map((label) => [codabar(label.trackingNumber), label.qrPayload].sort()),
    );
  });
});

describe('shipping labels as ZPL for a 203 dpi thermal printer', async () => {
  const rendered = await renderShippingLabelsZpl(parsed);
  const zpl = rendered.bytes.toString('ascii');
  const formats = zpl.trim().split('\n');

  it('is one ^XA…^XZ format per label, 799 × 1199 dots (100 × 150 mm at 203 dpi)', () => {
    expect(rendered.labelCount).toBe(3);
    expect(formats).toHaveLength(3);
    for (const format of formats) {
      expect(format).toMatch(/^\^XA\^PW799\^LL1199\^LH0,0.*\^PQ1\^XZ$/);
    }
  });

  it('prints the tracking number as the printer’s own NW-7 between A…A, and the payload as its own QR', () => {
    everyLabel.forEach((label, index) => {
      const format = formats[index]!;
      expect(format).toMatch(new RegExp(`\\^BY4,3\\.0\\^BKN,N,120,N,N,A,A\\^FD${label.trackingNumber}\\^FS`));
      expect(format).toMatch(new RegExp(`\\^BQN,2,\\d+\\^FH_\\^FDMA,${label.qrPayload.replaceAll('_', '_5F')}\\^FS`));
    });
  });

  it('sends the Japanese text as ^GF graphics, not as text the printer may have no font for', () => {
    for (const format of formats) expect(format).toMatch(/\^GFA,\d+,\d+,\d+,[0-9A-F]+\^FS/);
    expect(zpl).not.toMatch(/[^\x00-\x7f]/);
    expect(zpl).not.toContain('^CI28');
  });

  it('escapes ZPL’s own command characters in the QR payload', async () => {
    const odd = shippingLabelSchema.parse({ ...nekopos, qrPayload: 'QWMS:ORDER:a^b~c_d' });
    const oddZpl = (await renderShippingLabelsZpl([odd])).bytes.toString('ascii');
    expect(oddZpl).toContain('^FH_^FDMA,QWMS:ORDER:a_5Eb_7Ec_5Fd^FS');
  });
});

describe('a cart shipped as one parcel', async () => {
  // One buyer's cart: three orders, one box, one label. Given in a different order each time, as the bench may.
  const cartOrders = ['700000003', '700000001', '700000002'];
  const cart = (orderNos: string[]) => shippingLabelSchema.parse({ ...nekopos, orderNo: orderNos[0], cartNo: 'C-20261207', orderNos, itemCount: 4 });
  const bigCart = shippingLabelSchema.parse({
    ...yamato,
    orderNo: '800000000',
    cartNo: 'C-BIG',
    orderNos: Array.from({ length: 30 }, (_, i) => String(800_000_000 + i)),
    itemCount: 30,
  });
  const rendered = await renderShippingLabelsPdf([cart(cartOrders), cart([...cartOrders].reverse()), bigCart]);
  const pages = pdfText(rendered.bytes).split('\f').map(withoutSpaces);

  it('prints the cart number with its count of orders, and every order number of the cart', () => {
    expect(pages[0]).toContain('カート番号C-20261207（注文3件）');
    expect(pages[0]).toContain('注文番号700000001,700000002,700000003');
  });

  it('prints the same label whichever order of the cart was scanned first', () => {
    expect(pages[1]).toBe(pages[0]);
    const font = labelFont();
    const texts = (label: ReturnType<typeof cart>) => layoutShippingLabel(label, font).texts.map((text) => text.text);
    // The ZPL format is drawn from this same layout.
    expect(texts(cart([...cartOrders].reverse()))).toEqual(texts(cart(cartOrders)));
  });

  it('prints the cart number and count alone when the order numbers do not all fit, never a cut-off list', () => {
    expect(pages[2]).toContain('カート番号C-BIG（注文30件）');
    expect(pages[2]).not.toContain('注文番号');
    expect(pages[2]).not.toContain('…');
    expect(rendered.warnings).toEqual([]);
    expect(decodePdfBarcodes(rendered.bytes, { dpi: 203 })[2]!.sort()).toEqual([codabar(bigCart.trackingNumber), bigCart.qrPayload].sort());
  });
});
