import { describe, expect, it } from 'vitest';
import { renderSkuLabelsZpl } from '../../../electron/station/printing/render-zpl';
import { skuLabelBatchSchema } from '../../../electron/station/printing/sku-label';

const towel = { sku: '300001289771-00003', itemName: 'ボディタオル 泡立ち 日本製', optionName: 'T-2 / サイズ : L', sellerSkuCode: 'TOWEL-BODY-L', copies: 20 };
const bag = { sku: '300001300015-00001', itemName: 'エコバッグ 折りたたみ', optionName: '', sellerSkuCode: null, copies: 1 };

/** The ^GF graphics of one format, with the size fields checked against the data they describe. */
function graphics(format: string): Array<{ x: number; y: number; width: number; rows: number }> {
  return [...format.matchAll(/\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([0-9A-F]*)\^FS/g)].map((match) => {
    const [, x, y, binaryBytes, totalBytes, bytesPerRow, hex] = match;
    expect(binaryBytes).toBe(totalBytes);
    expect(hex!.length).toBe(2 * Number(totalBytes));
    expect(Number(totalBytes) % Number(bytesPerRow)).toBe(0);
    expect(hex).toMatch(/[1-9A-F]/); // not blank
    return { x: Number(x), y: Number(y), width: Number(bytesPerRow) * 8, rows: Number(totalBytes) / Number(bytesPerRow) };
  });
}

describe('SKU labels as ZPL for 203 dpi thermal printers', async () => {
  const rendered = await renderSkuLabelsZpl(skuLabelBatchSchema.parse([towel, bag, towel]));
  const zpl = rendered.bytes.toString('ascii');
  const formats = zpl.match(/\^XA[\s\S]*?\^XZ/g) ?? [];

  it('is one ^XA…^XZ format per label line, nothing outside them, plain ASCII', () => {
    expect(formats).toHaveLength(3);
    expect(zpl.replace(/\^XA[\s\S]*?\^XZ/g, '').trim()).toBe('');
    expect([...rendered.bytes].every((byte) => byte < 0x80)).toBe(true);
  });

  it('sizes the label 50 × 30 mm at 8 dots/mm and prints the copies with ^PQ instead of sending the label again', () => {
    for (const format of formats) expect(format).toMatch(/^\^XA\^PW400\^LL240\^LH0,0/);
    expect(formats.map((format) => /\^PQ(\d+)\^XZ$/.exec(format)?.[1])).toEqual(['20', '1', '20']);
    expect(rendered.labelCount).toBe(41);
  });

  it('has a ^BC Code 128 of the SKU with 2-dot modules, bars 10 mm high, and the SKU in the printer font under it', () => {
    expect(formats[0]).toMatch(/\^FO\d+,\d+\^BY2\^BCN,80,N,N,N\^FD>;300001289771>6-0>50003\^FS/);
    expect(formats[0]).toMatch(/\^A0N,\d+\^FB400,1,0,C\^FD300001289771-00003\^FS/);
    expect(formats[1]).toMatch(/\^BCN,80,N,N,N\^FD>;300001300015>6-0>50001\^FS/);
  });

  it('sends the Japanese text as graphics inside the label, one per line of text', () => {
    const towelGraphics = graphics(formats[0]!);
    expect(towelGraphics).toHaveLength(3); // item name, option name, seller SKU code
    const bagGraphics = graphics(formats[1]!);
    expect(bagGraphics).toHaveLength(1); // item name only: no option, no seller code
    for (const graphic of [...towelGraphics, ...bagGraphics]) {
      expect(graphic.x).toBeGreaterThanOrEqual(0);
      expect(graphic.x + graphic.width).toBeLessThanOrEqual(400 + 8);
      expect(graphic.y + graphic.rows).toBeLessThanOrEqual(240);
    }
  });

  it('renders a label that recurs once: the third format is the first one again', () => {
    expect(formats[2]).toBe(formats[0]);
    expect(rendered.barcodeEncodings).toBe(2);
  });
});
