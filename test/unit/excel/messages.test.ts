import { describe, expect, it } from 'vitest';
import { excelErrorCodes, excelMessage, excelMessages } from '../../../server/excel';
import { hubLanguages } from '../../../shared/hub/hub-roles';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('Excel import messages', () => {
  it.each(hubLanguages)('%s has a sentence for every code, with the same parameters as Japanese', (language) => {
    expect(Object.keys(excelMessages).sort()).toEqual([...excelErrorCodes].sort());
    for (const code of excelErrorCodes) {
      const text = excelMessages[code][language];
      expect(text?.trim(), `${language} ${code}`).toBeTruthy();
      expect(placeholders(text), `${language} ${code}`).toEqual(placeholders(excelMessages[code].ja));
    }
  });

  it('fills in parameters and leaves an unknown one visible', () => {
    expect(excelMessage('out-of-range', 'ko', { column: 'MovingQty', min: 1, max: 100000, value: 0 })).toBe(
      '"MovingQty"은(는) 1~100000 범위로 입력해 주세요(입력값: 0).',
    );
    expect(excelMessage('required', 'zh-CN', {})).toBe('“{column}”为必填项。');
  });
});
