import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWidth, plainTextProblem, plainTextSchema } from '../../../shared/domain/text';

describe('normalizeWidth', () => {
  it('turns full-width digits, letters and hyphens into ASCII: ０３－１２３４ and ＡＢＣｘｙｚ', () => {
    expect(normalizeWidth('０３－１２３４－５６７８')).toBe('03-1234-5678');
    expect(normalizeWidth('ＡＢＣｘｙｚ０９')).toBe('ABCxyz09');
    expect(normalizeWidth('ＳＫＵ：３０００')).toBe('SKU:3000');
  });

  it('maps every dash-like variant to hyphen-minus', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D']) {
      expect(normalizeWidth(`123${dash}4567`)).toBe('123-4567');
    }
  });

  it('turns the ideographic space into a plain space', () => {
    expect(normalizeWidth('山田\u3000太郎')).toBe('山田 太郎');
  });

  it('leaves kana (including half-width katakana and the long-vowel mark ー) and kanji untouched', () => {
    const japanese = 'ひらがな カタカナ ｶﾀｶﾅ ｰ ラーメン 東京都港区港南';
    expect(normalizeWidth(japanese)).toBe(japanese);
  });

  it('is idempotent, keeps the length, and leaves no full-width ASCII behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalizeWidth(text);
        expect(normalizeWidth(once)).toBe(once);
        expect(once.length).toBe(text.length);
        expect(once).not.toMatch(/[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212]/);
      }),
    );
  });
});

describe('plainTextSchema', () => {
  const name = plainTextSchema(10);
  const messages = (value: unknown) => name.safeParse(value).error?.issues.map((issue) => issue.message);

  it('accepts Japanese and Latin names and trims surrounding spaces, ideographic ones too', () => {
    expect(name.parse('  山田 太郎 ')).toBe('山田 太郎');
    expect(name.parse('\u3000佐藤\u3000')).toBe('佐藤');
    expect(plainTextSchema(20).parse('Tom & Jerry')).toBe('Tom & Jerry');
  });

  it('counts characters, not UTF-16 units: 10 emoji fit a 10-character field, 11 do not', () => {
    expect(name.parse('😀'.repeat(10))).toBe('😀'.repeat(10));
    expect(messages('😀'.repeat(11))).toEqual(['too-long']);
    expect(messages('あ'.repeat(11))).toEqual(['too-long']);
  });

  it('refuses blank text as empty and a non-string as not-text', () => {
    expect(messages('   ')).toEqual(['empty']);
    expect(messages('')).toEqual(['empty']);
    expect(messages(12)).toEqual(['not-text']);
    expect(messages(undefined)).toEqual(['required']);
  });

  it('refuses control characters, line breaks inside the text and bidi overrides', () => {
    for (const text of ['a\u0007b', 'a\nb', 'a\tb', 'a\u007fb', 'a\u0085b', 'a\u2028b', 'abc\u202Etxt']) {
      expect(messages(text)).toEqual(['control-characters']);
    }
  });

  it('refuses tags, closing tags, comments, processing instructions and entities as markup', () => {
    for (const text of ['<b>x</b>', 'a</div', '<!-- x', '<?xml', '<script', '&amp;', 'x&#60;', '&#x3C;y']) {
      expect(plainTextProblem(text, 100)).toBe('markup');
    }
  });

  it('keeps a lone < or & that cannot start markup: 3<5, <3, A & B;, AT&T', () => {
    for (const text of ['3<5', '<3', 'A & B;', 'AT&T', 'a <= b', '& ;']) expect(plainTextProblem(text, 100)).toBeNull();
  });
});
