import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ellipsis, fitText, type TextBox } from '../../../electron/station/printing/fit-text';
import { labelFont } from '../../../electron/station/printing/label-font';

const font = labelFont();
const measure = (text: string, sizePt: number) => font.widthOf(text, sizePt);
// The item-name box of the SKU label: 46 mm wide, 6.6 mm high, 7.5 pt down to 5 pt, at most 3 lines.
const nameBox: TextBox = { widthPt: 130.4, heightPt: 18.7, maxSizePt: 7.5, minSizePt: 5, leading: 1.2, maxLines: 3 };

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

describe('fitting label text into its box', () => {
  it('keeps a short name at the largest size on one line', () => {
    expect(fitText('ボディタオル', nameBox, measure)).toEqual({ sizePt: 7.5, lines: ['ボディタオル'], shortened: false });
  });

  it('shrinks a longer name before giving up any of it, and every character is still there', () => {
    const name = '【送料無料】ボディタオル 泡立ち 日本製 やわらかコットン 敏感肌にもやさしい 天然素材';
    const fitted = fitText(name, nameBox, measure);
    expect(fitted.shortened).toBe(false);
    expect(fitted.sizePt).toBeLessThan(7.5);
    expect(fitted.sizePt).toBeGreaterThanOrEqual(5);
    expect(withoutSpaces(fitted.lines.join(''))).toBe(withoutSpaces(name));
    for (const line of fitted.lines) expect(measure(line, fitted.sizePt)).toBeLessThanOrEqual(nameBox.widthPt);
  });

  it('ends a name that does not fit even at the minimum size with an ellipsis, and says so', () => {
    const name = 'ボディタオル 泡立ち 日本製 '.repeat(12);
    const fitted = fitText(name, nameBox, measure);
    expect(fitted.shortened).toBe(true);
    expect(fitted.sizePt).toBe(5);
    expect(fitted.lines.at(-1)!.endsWith(ellipsis)).toBe(true);
    for (const line of fitted.lines) expect(measure(line, fitted.sizePt)).toBeLessThanOrEqual(nameBox.widthPt);
    // What is shown is the start of the name, in order.
    expect(withoutSpaces(name).startsWith(withoutSpaces(fitted.lines.join('')).slice(0, -1))).toBe(true);
  });

  it('breaks lines between words, never in the middle of one that fits on a line', () => {
    const fitted = fitText('Organic Cotton Body Towel Extra Long Premium Quality Made in Japan', { ...nameBox, maxSizePt: 7.5, minSizePt: 7.5 }, measure);
    const words = new Set('Organic Cotton Body Towel Extra Long Premium Quality Made in Japan…'.split(' '));
    for (const line of fitted.lines) for (const word of line.split(' ')) expect(words.has(word) || word.endsWith(ellipsis)).toBe(true);
  });

  it('never starts a line with closing punctuation or the long-vowel mark', () => {
    const narrow: TextBox = { ...nameBox, widthPt: 40, maxLines: 20, heightPt: 200 };
    const fitted = fitText('コーヒー、紅茶。「緑茶」セット（大容量）ボトル', narrow, measure);
    for (const line of fitted.lines.slice(1)) expect(line).not.toMatch(/^[、。」）ー]/);
  });

  it('whatever the text: every line fits, and it is either complete or visibly shortened', () => {
    const chars = fc.constantFrom(...'あいうえおカキクケコ日本製品名ー、。「」() ABCxyz0123456789-/');
    fc.assert(
      fc.property(
        fc
          .array(chars, { minLength: 1, maxLength: 200 })
          .map((parts) => parts.join('').trim())
          .filter((text) => text.length > 0),
        (text) => {
          const fitted = fitText(text, nameBox, measure);
          for (const line of fitted.lines) expect(measure(line, fitted.sizePt)).toBeLessThanOrEqual(nameBox.widthPt + 1e-9);
          expect(fitted.lines.length * fitted.sizePt * nameBox.leading).toBeLessThanOrEqual(nameBox.heightPt + 1e-6);
          if (fitted.shortened) expect(fitted.lines.at(-1)!.endsWith(ellipsis)).toBe(true);
          else expect(withoutSpaces(fitted.lines.join(''))).toBe(withoutSpaces(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
