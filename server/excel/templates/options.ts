import { oneOf, text, wholeNumber } from '../column-rules';
import { column, type AxisValue, type RowProblem, type TemplateDefinition } from '../template-definition';

/** One option (SKU) of an item, as the options template lists them. */
export interface OptionRow {
  readonly row: number;
  /** The option columns in file order, e.g. [{ name: 'Color', value: 'ブルー' }, { name: 'Size', value: 'M' }]. */
  readonly axes: readonly AxisValue[];
  /** The axis values joined, e.g. `ブルー / M`. */
  readonly optionName: string;
  readonly quantity: number;
  /** Extra price over the item price, whole yen. */
  readonly extraPrice: number;
  readonly currency: 'JPY';
  readonly sellerCode: string | null;
}

const columns = {
  quantity: column({
    header: 'Qty',
    label: { ja: '在庫数量', en: 'Stock quantity', 'zh-CN': '库存数量', ko: '재고 수량' },
    aliases: ['Quantity', 'Stock', '数量', '在庫数', '在庫', '库存', '재고', '수량'],
    required: true,
    rule: wholeNumber(0, 999_999),
    help: {
      ja: '必須。販売在庫数（0 以上の半角整数）。',
      en: 'Required. Stock for sale (a whole number, 0 or more).',
      'zh-CN': '必填。贩卖库存数量（0 以上的整数）。',
      ko: '필수. 판매 재고 수량(0 이상의 정수).',
    },
  }),
  extraPrice: column({
    header: 'Price',
    label: { ja: '追加金額', en: 'Extra price', 'zh-CN': '追加金额', ko: '추가 금액' },
    aliases: ['Extra Price', 'Option Price', '追加価格', 'オプション価格', '価格', '选项价格', '价格', '加价', '옵션가격', '가격'],
    required: true,
    rule: wholeNumber(0, 10_000_000),
    help: {
      ja: '必須。オプションの追加金額（円）。追加金額がなければ 0。追加金額のあるオプションは全体の 30% 未満にすること。',
      en: 'Required. The option’s extra price in yen, 0 if none. Options with an extra price must be under 30% of all options.',
      'zh-CN': '必填。选项的追加金额（日元），无追加金额填 0。有追加金额的选项必须少于全部选项的 30%。',
      ko: '필수. 옵션 추가 금액(엔), 없으면 0. 추가 금액이 있는 옵션은 전체의 30% 미만이어야 함.',
    },
  }),
  currency: column({
    header: 'Currency',
    label: { ja: '通貨', en: 'Currency', 'zh-CN': '货币', ko: '통화' },
    aliases: ['通貨単位', '币种', '화폐'],
    required: true,
    rule: oneOf([{ value: 'JPY', spellings: ['JPY', '円', '日元', '엔'] }]),
    help: {
      ja: '必須。「JPY」と入力。',
      en: 'Required. Enter "JPY".',
      'zh-CN': '必填。填写“JPY”。',
      ko: '필수. "JPY"를 입력.',
    },
  }),
  sellerCode: column({
    header: 'SellerCode',
    label: { ja: '販売者コード', en: 'Seller code', 'zh-CN': '卖家代码', ko: '판매자 코드' },
    aliases: ['Seller Code', 'セラーコード', '販売者商品コード', '店舗管理番号', '卖家商品代码', '店铺管理号码', '판매자코드'],
    required: false,
    rule: text(50, { keepsLeadingZeros: true }),
    help: {
      ja: '任意。ショップの管理番号。不要なら空欄。',
      en: 'Optional. Your shop’s own code for the option; leave empty if you have none.',
      'zh-CN': '选填。店铺管理号码，不需要可留空。',
      ko: '선택. 상점 관리 번호. 필요 없으면 빈칸.',
    },
  }),
} as const;

type OptionColumn = keyof typeof columns;

// The manual: "options with an extra price must be under 30% of all options". Kept in whole numbers (count/total
// under 3/10) so 3 of 10 is refused exactly, whatever floating point makes of 10 × 0.3.
const pricedShare = { numerator: 3, denominator: 10 };

export const optionsTemplate: TemplateDefinition<typeof columns, OptionRow> = {
  kind: 'options',
  sheetName: 'Options',
  headers: 'canonical',
  columns,
  optionAxes: {
    before: 'quantity',
    min: 1,
    max: 3,
    maxValueLength: 50,
    sampleHeaders: ['Color', 'Size'],
    label: { ja: 'オプション項目', en: 'Option columns', 'zh-CN': '选项列', ko: '옵션 항목' },
    help: {
      ja: '「Qty」より前の 1〜3 列。見出しは自由（カラー、サイズなど）、日本語・英語どちらでも可。',
      en: 'The 1 to 3 columns before "Qty". Name them freely (Color, Size …), in Japanese or English.',
      'zh-CN': '“Qty”之前的 1～3 列。标题可自由填写（颜色、尺寸等），日文英文均可。',
      ko: '"Qty" 앞의 1~3개 열. 머리글은 자유(색상, 사이즈 등), 일본어·영어 모두 가능.',
    },
  },
  // The manual's own example rows.
  samples: [
    { axes: ['ブルー', 'M'], cells: { quantity: 10, extraPrice: 0, currency: 'JPY' } },
    { axes: ['ブルー', 'L'], cells: { quantity: 10, extraPrice: 0, currency: 'JPY' } },
    { axes: ['ホワイト', 'S'], cells: { quantity: 10, extraPrice: 0, currency: 'JPY' } },
    { axes: ['ホワイト', 'LL'], cells: { quantity: 10, extraPrice: 0, currency: 'JPY' } },
    { axes: ['ブラック', 'S'], cells: { quantity: 10, extraPrice: 0, currency: 'JPY' } },
    { axes: ['ブラック', 'M'], cells: { quantity: 10, extraPrice: 0, currency: 'JPY' } },
  ],
  toRow: ({ row, values, axes }) => ({
    ok: true,
    row: { row, axes, optionName: axes.map((axis) => axis.value).join(' / '), ...values },
  }),
  checkRows: (rows) => [...duplicateOptions(rows), ...tooManyPricedOptions(rows)],
};

function duplicateOptions(rows: readonly OptionRow[]): RowProblem<OptionColumn>[] {
  const firstRowByName = new Map<string, number>();
  const problems: RowProblem<OptionColumn>[] = [];
  for (const option of rows) {
    const firstRow = firstRowByName.get(option.optionName);
    if (firstRow === undefined) firstRowByName.set(option.optionName, option.row);
    else problems.push({ row: option.row, column: 'axis:0', code: 'duplicate-option', params: { value: option.optionName, firstRow } });
  }
  return problems;
}

function tooManyPricedOptions(rows: readonly OptionRow[]): RowProblem<OptionColumn>[] {
  const total = rows.length;
  const count = rows.filter((option) => option.extraPrice > 0).length;
  const { numerator, denominator } = pricedShare;
  if (count * denominator < total * numerator) return [];
  const allowed = Math.floor((total * numerator - 1) / denominator);
  return [{ row: 0, column: 'extraPrice', code: 'too-many-priced-options', params: { count, total, allowed } }];
}
