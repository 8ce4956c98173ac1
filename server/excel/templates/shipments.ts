import { fullSku, japanesePhone, japanesePostalCode, oneOf, text, wholeNumber } from '../column-rules';
import { column, type TemplateDefinition } from '../template-definition';
import { deliveryMethods, qwmsBranches, shippingCountries, type DeliveryMethod, type QwmsBranch, type ShippingCountry } from './shipment-choices';

/** One line of an other-platform order (管理番号発送 / 管理号码发货): one SKU to one recipient. */
export interface ShipmentRow {
  readonly row: number;
  /** The seller's own order number on the other platform (参考订购号码), which becomes the management number. */
  readonly referenceOrderNo: string;
  readonly itemCode: string | null;
  readonly itemName: string;
  readonly deliveryMethod: DeliveryMethod;
  readonly country: ShippingCountry;
  readonly recipientName: string;
  readonly recipientPhone: string;
  /** `NNN-NNNN`. */
  readonly postalCode: string;
  readonly address: string;
  readonly addressDetail: string | null;
  /** Whole yen. */
  readonly referencePrice: number;
  readonly memo: string | null;
  readonly branch: QwmsBranch;
  /** `300001289771-00003`; this or `sellerSkuCode` is always there. */
  readonly sku: string | null;
  readonly sellerSkuCode: string | null;
  readonly quantity: number;
}

const columns = {
  referenceOrderNo: column({
    header: 'Reference Order No.',
    label: { ja: '参照注文番号', en: 'Reference Order No.', 'zh-CN': '参考订购号码', ko: '참조 주문번호' },
    aliases: ['Reference Order Number', 'Order No.', 'Management No.', '注文番号', '管理番号', '参考订购号', '管理号码', '주문번호', '관리번호'],
    required: true,
    rule: text(50, { keepsLeadingZeros: true }),
    help: {
      ja: '必須。他のモールでの注文番号。',
      en: 'Required. The order number on the other platform.',
      'zh-CN': '必填。其他平台的订购号码。',
      ko: '필수. 다른 플랫폼의 주문번호.',
    },
  }),
  itemCode: column({
    header: 'Item Code',
    label: { ja: '商品コード', en: 'Item Code', 'zh-CN': '商品代码', ko: '상품코드' },
    aliases: ['Item No.', '商品番号', '商品号码', '상품번호'],
    required: false,
    rule: text(50, { keepsLeadingZeros: true }),
    help: {
      ja: '任意。他のモールでの商品コード。',
      en: 'Optional. The item code on the other platform.',
      'zh-CN': '选填。其他平台的商品代码。',
      ko: '선택. 다른 플랫폼의 상품코드.',
    },
  }),
  itemName: column({
    header: 'Item Name',
    label: { ja: '商品名', en: 'Item Name', 'zh-CN': '商品名', ko: '상품명' },
    aliases: ['Product Name', '商品名称', '상품이름'],
    required: true,
    rule: text(200),
    help: {
      ja: '必須。商品名（送り状には印字されません。簡単で可）。',
      en: 'Required. The item name (not printed on the shipping label; keep it short).',
      'zh-CN': '必填。商品名称（不会显示在快递面单上，简单填写即可）。',
      ko: '필수. 상품명(송장에는 인쇄되지 않으므로 간단히).',
    },
  }),
  deliveryMethod: column({
    header: 'Delivery Method',
    label: { ja: '配送方法', en: 'Delivery Method', 'zh-CN': '运送方式', ko: '배송 방법' },
    aliases: ['Shipping Method', '配送方式', '発送方法', '배송방식'],
    required: true,
    rule: oneOf(deliveryMethods),
    help: {
      ja: '必須。一般 / ネコポス / ヤマト / 佐川 のいずれか。',
      en: 'Required. General, Nekopos, Yamato or Sagawa.',
      'zh-CN': '必填。一般 / 猫邮包（Nekopos）/ Yamato / 佐川 之一。',
      ko: '필수. 일반 / 네코포스 / 야마토 / 사가와 중 하나.',
    },
  }),
  country: column({
    header: 'Country',
    label: { ja: '発送国', en: 'Country', 'zh-CN': '发货国家', ko: '발송 국가' },
    aliases: ['Shipping Country', '国', '国家', '국가'],
    required: true,
    rule: oneOf(shippingCountries),
    help: {
      ja: '必須。「JP」と入力。',
      en: 'Required. Enter "JP".',
      'zh-CN': '必填。填写“JP”。',
      ko: '필수. "JP"를 입력.',
    },
  }),
  recipientName: column({
    header: 'Recipient Name',
    label: { ja: '受取人名', en: 'Recipient Name', 'zh-CN': '收取人名', ko: '수취인명' },
    aliases: ['Receiver Name', '受取人氏名', 'お届け先氏名', 'お届け先名', '收件人姓名', '收件人', '수취인 이름', '받는 사람'],
    required: true,
    rule: text(100),
    help: {
      ja: '必須。お届け先の氏名。',
      en: 'Required. The recipient’s name.',
      'zh-CN': '必填。收件人名称。',
      ko: '필수. 받는 분 이름.',
    },
  }),
  recipientPhone: column({
    header: 'Recipient Phone',
    label: { ja: '受取人電話番号', en: 'Recipient Phone', 'zh-CN': '收取人电话号码', ko: '수취인 전화번호' },
    aliases: ['Phone', 'Phone Number', 'Tel', '電話番号', 'お届け先電話番号', '收件人电话', '电话号码', '전화번호'],
    required: true,
    rule: japanesePhone(),
    help: {
      ja: '必須。0 から始まる電話番号（例: 03-1234-5678）。',
      en: 'Required. A Japanese phone number starting with 0 (e.g. 03-1234-5678).',
      'zh-CN': '必填。以 0 开头的日本电话号码（例：03-1234-5678）。',
      ko: '필수. 0으로 시작하는 일본 전화번호(예: 03-1234-5678).',
    },
  }),
  postalCode: column({
    header: 'Postal Code',
    label: { ja: '郵便番号', en: 'Postal Code', 'zh-CN': '邮政编码', ko: '우편번호' },
    aliases: ['Zip Code', 'Zip', 'Postcode', '〒', '邮编'],
    required: true,
    rule: japanesePostalCode(),
    help: {
      ja: '必須。7 桁の郵便番号（例: 100-0005）。',
      en: 'Required. The 7-digit postal code (e.g. 100-0005).',
      'zh-CN': '必填。7 位邮政编码（例：100-0005）。',
      ko: '필수. 7자리 우편번호(예: 100-0005).',
    },
  }),
  address: column({
    header: 'Address',
    label: { ja: '住所', en: 'Address', 'zh-CN': '运送地址', ko: '주소' },
    aliases: ['Shipping Address', 'Delivery Address', '配送先住所', 'お届け先住所', '收货地址', '地址', '배송 주소'],
    required: true,
    rule: text(200),
    help: {
      ja: '必須。都道府県から番地まで。',
      en: 'Required. The address, prefecture to street number.',
      'zh-CN': '必填。收件人的收货地址。',
      ko: '필수. 도도부현부터 번지까지.',
    },
  }),
  addressDetail: column({
    header: 'Address Detail',
    label: { ja: '住所（詳細）', en: 'Address Detail', 'zh-CN': '运送地址(详情)', ko: '상세 주소' },
    aliases: ['Address 2', 'Address Line 2', '建物名', '住所2', '详细地址', '상세주소'],
    required: false,
    rule: text(200),
    help: {
      ja: '任意。建物名・部屋番号など。',
      en: 'Optional. Building and room.',
      'zh-CN': '选填。楼名、房间号等。',
      ko: '선택. 건물명, 호수 등.',
    },
  }),
  referencePrice: column({
    header: 'Reference Price',
    label: { ja: '参考価格', en: 'Reference Price', 'zh-CN': '参考价格', ko: '참고 가격' },
    aliases: ['Price', '販売価格', '参考结算价', '价格', '가격'],
    required: true,
    rule: wholeNumber(0, 10_000_000),
    help: {
      ja: '必須。販売価格（円、整数）。',
      en: 'Required. The selling price in whole yen.',
      'zh-CN': '必填。商品的贩卖价格（日元，整数）。',
      ko: '필수. 판매 가격(엔, 정수).',
    },
  }),
  memo: column({
    header: 'Memo',
    label: { ja: '備考', en: 'Memo', 'zh-CN': '备注', ko: '메모' },
    aliases: ['Note', 'Notes', 'Remarks', 'メモ', '비고'],
    required: false,
    rule: text(500),
    help: {
      ja: '任意。配達希望日時など（時間指定は佐川のみ、2 日以内）。',
      en: 'Optional. E.g. a delivery date or time (time slots with Sagawa only, within 2 days).',
      'zh-CN': '选填。可填写配送指定时间等（仅佐川急便可指定，两天以内）。',
      ko: '선택. 배송 희망 일시 등(시간 지정은 사가와만, 2일 이내).',
    },
  }),
  branch: column({
    header: 'Branch',
    label: { ja: '支店', en: 'Branch', 'zh-CN': '分店', ko: '지점' },
    aliases: ['QWMS Branch', '拠点', '分店名', '지점명'],
    required: true,
    rule: oneOf(qwmsBranches),
    help: {
      ja: '必須。QWMS の支店名（例: Qxpress JP Tokyo）。',
      en: 'Required. The QWMS branch name (e.g. Qxpress JP Tokyo).',
      'zh-CN': '必填。QWMS 分店名（例：Qxpress JP Tokyo）。',
      ko: '필수. QWMS 지점명(예: Qxpress JP Tokyo).',
    },
  }),
  sku: column({
    header: 'SKU No.',
    label: { ja: 'SKU番号', en: 'SKU No.', 'zh-CN': 'SKU no.', ko: 'SKU 번호' },
    aliases: ['SKU', 'SKU Number', 'Q在庫詳細番号', 'Q-在庫詳細番号', 'Q库存详细号码', 'Q-库存详细号码', 'Q재고 상세번호'],
    required: false,
    rule: fullSku(),
    help: {
      ja: 'SKU番号か販売者SKUコードのどちらかが必須。Q在庫コード-オプションコード（例: 300001289771-00003）。',
      en: 'This or the seller SKU code is required. The Q-inventory code, a dash, the option code (e.g. 300001289771-00003).',
      'zh-CN': '此项与卖家SKU代码二选一必填。Q库存代码-选项代码（例：300001289771-00003）。',
      ko: 'SKU 번호나 판매자 SKU 코드 중 하나는 필수. Q재고 코드-옵션 코드(예: 300001289771-00003).',
    },
  }),
  sellerSkuCode: column({
    header: 'Seller SKU Code',
    label: { ja: '販売者SKUコード', en: 'Seller SKU Code', 'zh-CN': '卖家SKU代码', ko: '판매자 SKU 코드' },
    aliases: ['Seller SKU', 'セラーSKUコード', '卖家SKU', '판매자SKU'],
    required: false,
    rule: text(50, { keepsLeadingZeros: true }),
    help: {
      ja: 'SKU番号か販売者SKUコードのどちらかが必須。オプションに登録した販売者SKUコード。',
      en: 'This or the SKU no. is required. The seller SKU code registered on the option.',
      'zh-CN': '此项与 SKU no. 二选一必填。选项中登录的卖家SKU代码。',
      ko: 'SKU 번호나 판매자 SKU 코드 중 하나는 필수. 옵션에 등록한 판매자 SKU 코드.',
    },
  }),
  quantity: column({
    header: 'Quantity',
    label: { ja: '数量', en: 'Quantity', 'zh-CN': '数量', ko: '수량' },
    aliases: ['Qty', '個数', '件数'],
    required: false,
    rule: wholeNumber(1, 9_999),
    help: {
      ja: '任意。空欄なら 1。',
      en: 'Optional. 1 when empty.',
      'zh-CN': '选填。留空则为 1。',
      ko: '선택. 빈칸이면 1.',
    },
  }),
} as const;

export const shipmentsTemplate: TemplateDefinition<typeof columns, ShipmentRow> = {
  kind: 'shipments',
  sheetName: 'Shipments',
  headers: 'localised',
  columns,
  requireOneOf: [['sku', 'sellerSkuCode']],
  // The manual's example row, with a Japanese phone number and postal code in place of its non-Japanese ones and
  // a SKU (QWMS needs one; the manual leaves it empty).
  samples: [
    {
      cells: {
        referenceOrderNo: '100472743',
        itemName: 'tttest item',
        deliveryMethod: { ja: '一般', en: 'General', 'zh-CN': '一般', ko: '일반' },
        country: 'JP',
        recipientName: 'test name',
        recipientPhone: '03-1234-1234',
        postalCode: '100-0005',
        address: 'ADAM ROAD F#124-4',
        referencePrice: 100,
        memo: 'Hope date : 25th Apr',
        branch: 'Qxpress JP Tokyo',
        sku: '300001289771-00003',
        quantity: 1,
      },
    },
  ],
  toRow({ row, values }) {
    if (values.sku === null && values.sellerSkuCode === null) {
      return { ok: false, problems: [{ column: 'sku', otherColumn: 'sellerSkuCode', code: 'sku-or-seller-code-required' }] };
    }
    return { ok: true, row: { row, ...values, quantity: values.quantity ?? 1 } };
  },
};
