import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/locales/en.json';
import ja from '../../../renderer/i18n/locales/ja.json';
import ko from '../../../renderer/i18n/locales/ko.json';
import zhCN from '../../../renderer/i18n/locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
const locales = { en, 'zh-CN': zhCN, ko } as Record<string, Tree>;
const japanese = flatten(ja as Tree);

describe('translations', () => {
  it.each(Object.keys(locales))('%s has exactly the Japanese keys, none empty, with the same placeholders', (code) => {
    const other = flatten(locales[code] as Tree);
    expect([...other.keys()].sort()).toEqual([...japanese.keys()].sort());
    for (const [key, text] of other) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(japanese.get(key) ?? ''));
    }
  });

  it('every error code, bad-scan reason, role, work area and symbology has a Japanese text', async () => {
    const { stationErrorCodes } = await import('../../../shared/contract/errors');
    const { roles, workAreas } = await import('../../../shared/domain/roles');
    const { symbologySchema } = await import('../../../shared/contract/schemas');
    for (const code of stationErrorCodes) expect(japanese.has(`errors.${code}`), code).toBe(true);
    for (const role of roles) expect(japanese.has(`roles.${role}`), role).toBe(true);
    for (const area of workAreas) expect(japanese.has(`areas.${area}`), area).toBe(true);
    for (const symbology of symbologySchema.options) expect(japanese.has(`symbologies.${symbology}`), symbology).toBe(true);
    for (const reason of ['empty', 'control-characters', 'too-long', 'unfinished']) {
      expect(japanese.has(`scan.badReasons.${reason}`), reason).toBe(true);
    }
  });
});
