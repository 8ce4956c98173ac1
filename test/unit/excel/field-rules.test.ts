import { describe, expect, it } from 'vitest';
import {
  countCodePoints,
  isBranchCode,
  isInventoryCode,
  isJapanesePhone,
  isOptionCode,
  normalizeJapanesePostalCode,
  normalizeWidth,
  parseSku,
  plainTextProblem,
} from '../../../server/excel/field-rules';

describe('field rules', () => {
  it('turns full-width ASCII, dashes and the ideographic space into their half-width forms, leaving kana alone', () => {
    expect(normalizeWidth('３０００')).toBe('3000');
    expect(normalizeWidth('ＪＰＹ　ｉｎ')).toBe('JPY in');
    expect(normalizeWidth('０３－１２３４−５６７８')).toBe('03-1234-5678');
    expect(normalizeWidth('ｶﾀｶﾅとカタカナ')).toBe('ｶﾀｶﾅとカタカナ');
  });

  it('refuses control characters and anything that starts a tag or an entity, but not a lone < or &', () => {
    expect(plainTextProblem('line\nbreak')).toBe('control-characters');
    expect(plainTextProblem('right\u202Eto left')).toBe('control-characters');
    expect(plainTextProblem('<img src=x>')).toBe('markup');
    expect(plainTextProblem('&lt;b&gt;')).toBe('markup');
    expect(plainTextProblem('A<B')).toBe('markup');
    expect(plainTextProblem('S < M & L')).toBeNull();
    expect(plainTextProblem('東京都千代田区丸の内1-1-1')).toBeNull();
  });

  it('counts characters as code points', () => {
    expect(countCodePoints('𠮷野家')).toBe(3);
  });

  it('knows the QWMS identifiers', () => {
    expect(isInventoryCode('300001289771')).toBe(true);
    expect(isInventoryCode('200001289771')).toBe(false);
    expect(isInventoryCode('30000128977')).toBe(false);
    expect(isOptionCode('00003')).toBe(true);
    expect(isOptionCode('3')).toBe(false);
    expect(isBranchCode('0000011520')).toBe(true);
    expect(isBranchCode('11520')).toBe(false);
    for (const written of ['300001289771-00003', '300001289771/00003', '300001289771:00003']) {
      expect(parseSku(written)).toEqual({ inventoryCode: '300001289771', optionCode: '00003' });
    }
    expect(parseSku('300001289771-3')).toBeNull();
  });

  it('reads Japanese postal codes and phone numbers as people write them', () => {
    expect(normalizeJapanesePostalCode('1000005')).toBe('100-0005');
    expect(normalizeJapanesePostalCode('〒100-0005')).toBe('100-0005');
    expect(normalizeJapanesePostalCode('123456')).toBeNull();
    expect(isJapanesePhone('03-1234-5678')).toBe(true);
    expect(isJapanesePhone('090 1234 5678')).toBe(true);
    expect(isJapanesePhone('(03) 1234-5678')).toBe(true);
    expect(isJapanesePhone('+81 90-1234-5678')).toBe(true);
    expect(isJapanesePhone('65-1234-1234')).toBe(false);
    expect(isJapanesePhone('03-1234-5678 ext')).toBe(false);
  });
});
