import { describe, expect, it } from 'vitest';
import { rasteriseText, type Bitmap } from '../../../electron/station/printing/glyph-raster';
import { labelFont } from '../../../electron/station/printing/label-font';

const font = labelFont();

function blackDots(bitmap: Bitmap, rows?: [number, number]): number {
  let count = 0;
  const [from, to] = rows ?? [0, bitmap.height];
  for (let y = from; y < to; y++) for (let x = 0; x < bitmap.width; x++) count += bitmap.dots[y * bitmap.width + x]!;
  return count;
}

describe('rasterising label text for ZPL graphics', () => {
  it('fills a black square as a solid block of about its size', () => {
    const { bitmap } = rasteriseText('■', 40, font);
    const ideal = (40 * (font.widthOf('■', 1) * 0.8)) ** 2; // the square is about 0.8 of its advance
    expect(blackDots(bitmap)).toBeGreaterThan(ideal * 0.7);
    expect(blackDots(bitmap)).toBeLessThan(ideal * 1.3);
  });

  it('leaves a space blank and the inside of 口 empty (non-zero winding, not everything inside the outline)', () => {
    expect(blackDots(rasteriseText(' ', 24, font).bitmap)).toBe(0);
    const { bitmap, ascentDots } = rasteriseText('口', 48, font);
    const middleRow = ascentDots - 18;
    const row = Array.from(bitmap.dots.subarray(middleRow * bitmap.width, (middleRow + 1) * bitmap.width));
    // Across the middle of 口: black, white, black: two strokes with the counter between them.
    const runs =
      row
        .join('')
        .replace(/^0+|0+$/g, '')
        .match(/1+|0+/g) ?? [];
    expect(runs).toHaveLength(3);
    expect(runs[1]!.length).toBeGreaterThan(10);
  });

  it('puts text on its baseline: nothing of 一 below it, the tail of g below it', () => {
    const one = rasteriseText('一', 30, font);
    expect(blackDots(one.bitmap, [one.ascentDots, one.bitmap.height])).toBe(0);
    const g = rasteriseText('g', 30, font);
    expect(blackDots(g.bitmap, [g.ascentDots + 1, g.bitmap.height])).toBeGreaterThan(0);
  });

  it('keeps every stroke of small kanji at label size (6 pt at 203 dpi is 17 dots)', () => {
    const { bitmap } = rasteriseText('日本製', 17, font);
    expect(bitmap.width).toBeGreaterThanOrEqual(Math.floor(font.widthOf('日本製', 17)));
    // 日 has three horizontal strokes: each shows as a row that is mostly black across the glyph.
    const glyphWidth = Math.round(font.widthOf('日', 17) * 0.6);
    const strokeRows = Array.from({ length: bitmap.height }, (_, y) => {
      let black = 0;
      for (let x = 0; x < glyphWidth + 2; x++) black += bitmap.dots[y * bitmap.width + x]!;
      return black >= glyphWidth * 0.6;
    });
    const strokes =
      strokeRows
        .map((black) => (black ? '1' : '0'))
        .join('')
        .match(/1+/g) ?? [];
    expect(strokes.length).toBe(3);
  });
});
