import { excelMessages } from '../../excel';
import type { MessageCatalog } from './catalog';

/**
 * Excel imports: the file's own problems (server/excel, merged here so the hub speaks them like any other code),
 * the problems only the database can tell (a SKU that is not the seller's, an option that already exists …), and
 * the outcome. Row messages name their column, so each reads on its own in a list of problems.
 */
const importMessages: MessageCatalog = {
  'excel-invalid': {
    ja: 'ファイルに {count} 件の問題があるため、何も取り込んでいません。すべて直してから、もう一度取り込んでください。',
    en: 'Nothing was imported: the file has {count} problem(s). Fix them all and import the file again.',
    'zh-CN': '文件中有 {count} 个问题，因此未导入任何内容。请全部改正后重新导入。',
    ko: '파일에 {count}건의 문제가 있어 아무것도 가져오지 않았습니다. 모두 고친 뒤 다시 가져와 주세요.',
  },
  'import-target-required': {
    ja: 'オプションの取り込み先として、既存の Q在庫コードか新しい商品名のどちらか一方を指定してください。',
    en: 'Give where the options go: either an existing Q-inventory code or a name for a new one, not both.',
    'zh-CN': '请指定选项的导入目标：现有的 Q库存代码或新商品名称，二者选其一。',
    ko: '옵션을 넣을 곳으로 기존 Q재고 코드나 새 상품명 중 하나만 지정해 주세요.',
  },
  'import-target-not-allowed': {
    ja: 'Q在庫コードや商品名の指定はオプションの取り込みでのみ使えます。',
    en: 'A Q-inventory code or item name can only be given when importing options.',
    'zh-CN': '只有导入选项时才能指定 Q库存代码或商品名称。',
    ko: 'Q재고 코드나 상품명 지정은 옵션 가져오기에서만 사용할 수 있습니다.',
  },
  'unknown-inventory-code': {
    ja: '「{column}」の Q在庫コード {value} は見つかりません。',
    en: '"{column}": Q-inventory code {value} was not found.',
    'zh-CN': '“{column}”：找不到 Q库存代码 {value}。',
    ko: '"{column}": Q재고 코드 {value}을(를) 찾을 수 없습니다.',
  },
  'unknown-option-code': {
    ja: '「{column}」: Q在庫コード {code} にオプションコード {value} はありません。',
    en: '"{column}": Q-inventory code {code} has no option {value}.',
    'zh-CN': '“{column}”：Q库存代码 {code} 中没有选项代码 {value}。',
    ko: '"{column}": Q재고 코드 {code}에 옵션 코드 {value}이(가) 없습니다.',
  },
  'unknown-branch': {
    ja: '「{column}」の支店コード {value} は見つかりません。',
    en: '"{column}": branch code {value} was not found.',
    'zh-CN': '“{column}”：找不到分店代码 {value}。',
    ko: '"{column}": 지점 코드 {value}을(를) 찾을 수 없습니다.',
  },
  'seller-code-mismatch': {
    ja: '「{column}」の {value} は、SKU {sku} に登録された販売者コード（{expected}）と一致しません。',
    en: '"{column}" {value} does not match the seller code registered on SKU {sku} ({expected}).',
    'zh-CN': '“{column}”的 {value} 与 SKU {sku} 登记的卖家代码（{expected}）不一致。',
    ko: '"{column}"의 {value}이(가) SKU {sku}에 등록된 판매자 코드({expected})와 일치하지 않습니다.',
  },
  'seller-code-not-registered': {
    ja: '「{column}」に {value} とありますが、SKU {sku} には販売者コードが登録されていません。空欄にするか、先に登録してください。',
    en: '"{column}" says {value}, but SKU {sku} has no seller code registered. Leave it empty or register the code first.',
    'zh-CN': '“{column}”填写了 {value}，但 SKU {sku} 未登记卖家代码。请留空或先登记。',
    ko: '"{column}"에 {value}이(가) 있지만 SKU {sku}에는 판매자 코드가 등록되어 있지 않습니다. 비워 두거나 먼저 등록해 주세요.',
  },
  'option-exists': {
    ja: 'オプション「{value}」は Q在庫コード {code} にすでにあります（SKU {sku}）。',
    en: 'The option "{value}" already exists on Q-inventory code {code} (SKU {sku}).',
    'zh-CN': '选项“{value}”已存在于 Q库存代码 {code}（SKU {sku}）。',
    ko: '옵션 "{value}"은(는) Q재고 코드 {code}에 이미 있습니다(SKU {sku}).',
  },
  'unknown-sku': {
    ja: '「{column}」の SKU {value} は見つかりません。',
    en: '"{column}": SKU {value} was not found.',
    'zh-CN': '“{column}”：找不到 SKU {value}。',
    ko: '"{column}": SKU {value}을(를) 찾을 수 없습니다.',
  },
  'unknown-seller-sku-code': {
    ja: '「{column}」の {value} が登録された SKU は見つかりません。',
    en: '"{column}": no SKU carries the seller SKU code {value}.',
    'zh-CN': '“{column}”：找不到登记了 {value} 的 SKU。',
    ko: '"{column}": {value}이(가) 등록된 SKU를 찾을 수 없습니다.',
  },
  'ambiguous-seller-sku-code': {
    ja: '「{column}」の {value} は複数の SKU に登録されています。SKU番号で指定してください。',
    en: '"{column}" {value} is on more than one SKU. Give the SKU no. instead.',
    'zh-CN': '“{column}”的 {value} 登记在多个 SKU 上。请改用 SKU 号码指定。',
    ko: '"{column}"의 {value}은(는) 여러 SKU에 등록되어 있습니다. SKU 번호로 지정해 주세요.',
  },
  'duplicate-management-no': {
    ja: '「{column}」の {value} はすでに登録されているか、上の行と重複しています。',
    en: '"{column}" {value} is already registered, or repeats an earlier row.',
    'zh-CN': '“{column}”的 {value} 已登记，或与上面的行重复。',
    ko: '"{column}"의 {value}은(는) 이미 등록되었거나 위의 행과 중복됩니다.',
  },
  'invalid-management-no': {
    ja: '「{column}」は管理番号になるため、20 桁までの半角数字で入力してください（入力値: {value}）。',
    en: '"{column}" becomes the management no., so it must be up to 20 digits (found: {value}).',
    'zh-CN': '“{column}”将作为管理号码，请填写最多 20 位的数字（输入值：{value}）。',
    ko: '"{column}"은(는) 관리번호가 되므로 20자리 이하의 숫자로 입력해 주세요(입력값: {value}).',
  },
  'address-too-long': {
    ja: '「{column}」と詳細住所を合わせた長さが長すぎます。短くしてください。',
    en: '"{column}" together with the address detail is too long. Shorten it.',
    'zh-CN': '“{column}”加上详细地址过长。请缩短。',
    ko: '"{column}"과(와) 상세 주소를 합친 길이가 너무 깁니다. 줄여 주세요.',
  },
  'value-refused': {
    ja: '「{column}」の値 {value} は受け付けられません（{reason}）。',
    en: '"{column}" {value} cannot be accepted ({reason}).',
    'zh-CN': '“{column}”的值 {value} 无法接受（{reason}）。',
    ko: '"{column}"의 값 {value}은(는) 받을 수 없습니다({reason}).',
  },
  'import-applied-options': {
    ja: 'Q在庫コード {code} にオプションを {count} 件登録しました。',
    en: 'Registered {count} option(s) on Q-inventory code {code}.',
    'zh-CN': '已在 Q库存代码 {code} 中登记 {count} 个选项。',
    ko: 'Q재고 코드 {code}에 옵션 {count}건을 등록했습니다.',
  },
  'import-applied-inbound': {
    ja: '入庫明細を {count} 行（合計 {units} 点）登録しました。',
    en: 'Registered {count} inbound line(s), {units} unit(s) in all.',
    'zh-CN': '已登记 {count} 行入库明细（共 {units} 件）。',
    ko: '입고 명세 {count}행(합계 {units}개)을 등록했습니다.',
  },
  'import-applied-shipments': {
    ja: '管理番号の注文を {count} 件登録しました。',
    en: 'Registered {count} management-no. order(s).',
    'zh-CN': '已登记 {count} 个管理号码订单。',
    ko: '관리번호 주문 {count}건을 등록했습니다.',
  },
};

export const excelImportMessages: MessageCatalog = { ...excelMessages, ...importMessages };
