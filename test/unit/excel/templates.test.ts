import { describe, expect, it } from 'vitest';
import { acceptedHeaders, headerKey } from '../../../server/excel/header-matching';
import { templates } from '../../../server/excel/templates';

describe('template definitions', () => {
  it.each(Object.values(templates))('$kind: every accepted header names exactly one column', (template) => {
    const columnByKey = new Map<string, string>();
    for (const { key, header } of acceptedHeaders(template)) {
      const other = columnByKey.get(headerKey(header));
      expect(other === undefined || other === key, `"${header}" means both ${other} and ${key}`).toBe(true);
      columnByKey.set(headerKey(header), key);
    }
  });

  it('compares headers without width, case, spacing or a required mark', () => {
    expect(headerKey('ＩｎｖｅｎｔｏｒｙＣｏｄｅ')).toBe(headerKey('InventoryCode'));
    expect(headerKey('inventory_code *')).toBe(headerKey('Inventory Code'));
    expect(headerKey('Q在庫コード（必須）')).toBe(headerKey('Q在庫コード'));
    expect(headerKey('运送地址(详情)')).not.toBe(headerKey('运送地址'));
  });
});
