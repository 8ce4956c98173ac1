import { branchCode, inventoryCode, oneOf, optionCode, text, wholeNumber } from '../column-rules';
import { formatSku } from '../field-rules';
import { column, type TemplateDefinition } from '../template-definition';

/** One inbound line (入庫申請 / 入库申请): a SKU, a quantity, the branch it goes to. */
export interface InboundRow {
  /** The Excel row number, so later checks (unknown SKU, …) can point at the same row. */
  readonly row: number;
  readonly sellerCode: string | null;
  readonly inventoryCode: string;
  readonly optionCode: string;
  /** `inventoryCode-optionCode`, e.g. 300000154634-00001. */
  readonly sku: string;
  readonly inOut: 'in';
  readonly quantity: number;
  readonly branchCode: string;
  /** Free text such as a JAN code, kept exactly as text. */
  readonly description: string | null;
}

const columns = {
  sellerCode: column({
    header: 'SellerCode',
    label: { ja: '販売者商品コード', en: 'Seller code', 'zh-CN': '卖家商品代码', ko: '판매자 상품 코드' },
    aliases: ['Seller Code', 'セラーコード', '販売者コード', '卖家代码', '판매자코드'],
    required: false,
    rule: text(50, { keepsLeadingZeros: true }),
    help: {
      ja: '任意。販売者が管理する商品コード。',
      en: 'Optional. Your own item code.',
      'zh-CN': '选填。卖家自己管理的商品代码。',
      ko: '선택. 판매자가 관리하는 상품 코드.',
    },
  }),
  inventoryCode: column({
    header: 'InventoryCode',
    label: { ja: 'Q在庫コード', en: 'Q-inventory code', 'zh-CN': 'Q库存代码', ko: 'Q재고 코드' },
    aliases: ['Inventory Code', 'Q-在庫コード', 'Q-库存代码', 'Q-재고코드', 'Q在庫番号', 'Q库存编号'],
    required: true,
    rule: inventoryCode(),
    help: {
      ja: '必須。3 で始まる 12 桁の数字（例: 300000154634）。',
      en: 'Required. 12 digits starting with 3 (e.g. 300000154634).',
      'zh-CN': '必填。以 3 开头的 12 位数字（例：300000154634）。',
      ko: '필수. 3으로 시작하는 12자리 숫자(예: 300000154634).',
    },
  }),
  optionCode: column({
    header: 'InventoryOptionCode',
    label: { ja: 'オプションコード', en: 'Option code', 'zh-CN': '选项代码', ko: '옵션 코드' },
    aliases: ['Inventory Option Code', 'Option Code', 'Q在庫オプションコード', 'Q-在庫オプションコード', 'Q库存选项代码', 'Q-库存选项代码', 'Q재고옵션코드'],
    required: true,
    rule: optionCode(),
    help: {
      ja: '必須。Q在庫コードの後ろの 5 桁の数字（例: 00001）。',
      en: 'Required. The 5 digits after the Q-inventory code (e.g. 00001).',
      'zh-CN': '必填。Q库存代码后面的 5 位数字（例：00001）。',
      ko: '필수. Q재고 코드 뒤의 5자리 숫자(예: 00001).',
    },
  }),
  inOut: column({
    header: 'InOut',
    label: { ja: '入出庫区分', en: 'In/Out', 'zh-CN': '入库/出库', ko: '입출고 구분' },
    aliases: ['In Out', 'In/Out', '入出庫', '入库出库', '要求类型', '입출고'],
    required: true,
    rule: oneOf([{ value: 'in', spellings: ['in'] }]),
    help: {
      ja: '必須。入庫申請は「in」と入力。',
      en: 'Required. Enter "in" for an inbound request.',
      'zh-CN': '必填。入库申请填写“in”。',
      ko: '필수. 입고 신청은 "in"을 입력.',
    },
  }),
  quantity: column({
    header: 'MovingQty',
    label: { ja: '入庫数量', en: 'Quantity', 'zh-CN': '入库数量', ko: '입고 수량' },
    aliases: ['Moving Qty', 'Qty', 'Quantity', '数量', '入庫数', '총수량', '수량', '总数量'],
    required: true,
    rule: wholeNumber(1, 100_000),
    help: {
      ja: '必須。入庫する数量（1〜100000 の半角数字）。',
      en: 'Required. How many units you send (1 to 100000).',
      'zh-CN': '必填。入库数量（1～100000 的半角数字）。',
      ko: '필수. 입고 수량(1~100000).',
    },
  }),
  branchCode: column({
    header: 'BranchCode',
    label: { ja: '支店コード', en: 'Branch code', 'zh-CN': '分店代码', ko: '지점 코드' },
    aliases: ['Branch Code', '支店', '拠点コード', '分店', '지점코드', '지점'],
    required: true,
    rule: branchCode(),
    help: {
      ja: '必須。10 桁。Qxpress Japan は 0000011520（変更不要）。',
      en: 'Required. 10 digits; Qxpress Japan is 0000011520 (leave it as is).',
      'zh-CN': '必填。10 位数字。Qxpress Japan 为 0000011520（固定，无需更改）。',
      ko: '필수. 10자리. Qxpress Japan은 0000011520(변경 불필요).',
    },
  }),
  description: column({
    header: 'Description',
    label: { ja: '説明', en: 'Description', 'zh-CN': '说明', ko: '설명' },
    aliases: ['説明（JANコード）', 'JANコード', 'JAN', '描述', '备注说明', '비고'],
    required: false,
    rule: text(200, { keepsLeadingZeros: true }),
    help: {
      ja: '任意。JAN コードや商品バーコードの番号など。',
      en: 'Optional. A JAN code, the item barcode number or similar.',
      'zh-CN': '选填。JAN 码、商品条形码等号码。',
      ko: '선택. JAN 코드, 상품 바코드 번호 등.',
    },
  }),
} as const;

export const inboundTemplate: TemplateDefinition<typeof columns, InboundRow> = {
  kind: 'inbound',
  sheetName: 'Inbound',
  headers: 'canonical',
  columns,
  // The manual's own example rows.
  samples: [
    { cells: { inventoryCode: '300000154634', optionCode: '00001', inOut: 'in', quantity: 2, branchCode: '0000011520' } },
    { cells: { inventoryCode: '300000154634', optionCode: '00002', inOut: 'in', quantity: 5, branchCode: '0000011520' } },
    { cells: { inventoryCode: '300000154634', optionCode: '00003', inOut: 'in', quantity: 5, branchCode: '0000011520' } },
  ],
  toRow: ({ row, values }) => ({
    ok: true,
    row: { row, ...values, sku: formatSku(values) },
  }),
};
