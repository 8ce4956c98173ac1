import { describe, expect, it } from 'vitest';
import { describeLabelProblems, maxCopiesPerLabel, maxLabelsPerJob, skuLabelBatchSchema, skuLabelSchema } from '../../../electron/station/printing/sku-label';

const valid = { sku: '300001289771-00003', itemName: 'ボディタオル', optionName: 'T-2 / サイズ : L', sellerSkuCode: 'TOWEL-L', copies: 1 };

function problems(labels: unknown): string {
  const result = skuLabelBatchSchema.safeParse(labels);
  if (result.success) throw new Error('expected the labels to be refused');
  return describeLabelProblems(result.error, labels);
}

describe('SKU label input', () => {
  it('takes the SKU in any of the three ways QSM prints it and keeps the canonical form', () => {
    for (const sku of ['300001289771-00003', '300001289771/00003', '300001289771:00003', ' 300001289771-00003 ']) {
      expect(skuLabelSchema.parse({ ...valid, sku }).sku).toBe('300001289771-00003');
    }
  });

  it('tidies names: line breaks, tabs and runs of spaces become one space; an empty seller code becomes null', () => {
    const label = skuLabelSchema.parse({ ...valid, itemName: ' ボディ\tタオル\n 日本製 ', sellerSkuCode: '  ' });
    expect(label.itemName).toBe('ボディ タオル 日本製');
    expect(label.sellerSkuCode).toBeNull();
  });

  it('says which label is wrong and why, for every wrong label', () => {
    const said = problems([valid, { ...valid, sku: '' }, { ...valid, copies: 0 }, { ...valid, copies: 100_000 }, { ...valid, sku: '12345' }]);
    expect(said).toContain('label 2: sku is empty');
    expect(said).toContain(`label 3: copies must be a whole number from 1 to ${maxCopiesPerLabel} (got 0)`);
    expect(said).toContain('label 4: copies must be a whole number from 1 to 1000 (got 100000)');
    expect(said).toContain('label 5: sku is not a full SKU like 300001289771-00003 (got "12345")');
    expect(said).not.toContain('label 1:');
  });

  it('refuses fractional copies, an empty item name, no labels at all and a job too big to print in one go', () => {
    expect(problems([{ ...valid, copies: 1.5 }])).toContain('copies must be a whole number');
    expect(problems([{ ...valid, itemName: '   ' }])).toContain('itemName is empty');
    expect(problems([])).toContain('there are no labels to print');
    const many = Array.from({ length: 6 }, (_, index) => ({ ...valid, sku: `30000128977${index}-00001`, copies: 1000 }));
    expect(problems(many)).toContain(`more than ${maxLabelsPerJob} labels in one job`);
    expect(problems('labels')).toContain('labels must be a list');
  });
});
