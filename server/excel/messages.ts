import type { HubLanguage } from '../../shared/hub/hub-roles';

/**
 * Every problem an Excel import can report, in every language the hub speaks (Japanese first: most sellers and
 * the floor read it). `{name}` marks a parameter, the same convention as the hub's own catalog, so the two can merge.
 */
export const excelErrorCodes = [
  // the file as a whole
  'file-too-large',
  'not-xlsx',
  'not-a-workbook',
  'unreadable-workbook',
  'content-too-large',
  'inconsistent-zip',
  'too-many-columns',
  'more-problems',
  'empty-sheet',
  'no-data-rows',
  'too-many-rows',
  // the header row
  'missing-column',
  'duplicate-column',
  'unknown-column',
  'option-axis-count',
  // one cell
  'required',
  'not-integer',
  'out-of-range',
  'too-long',
  'markup-not-allowed',
  'control-character',
  'cell-error',
  'value-without-header',
  'not-allowed-value',
  'invalid-inventory-code',
  'invalid-option-code',
  'invalid-branch-code',
  'invalid-sku',
  'invalid-postal-code',
  'invalid-phone',
  // across cells and rows
  'sku-or-seller-code-required',
  'duplicate-option',
  'too-many-priced-options',
] as const;
export type ExcelErrorCode = (typeof excelErrorCodes)[number];

export type MessageParams = Readonly<Record<string, string | number>>;

export const excelMessages: Record<ExcelErrorCode, Record<HubLanguage, string>> = {
  'file-too-large': {
    ja: 'ファイルが大きすぎます（上限 {max} MB）。',
    en: 'The file is too large (at most {max} MB).',
    'zh-CN': '文件过大（上限 {max} MB）。',
    ko: '파일이 너무 큽니다(최대 {max}MB).',
  },
  'not-xlsx': {
    ja: 'Excel ファイル（.xlsx）ではありません。テンプレートに入力して .xlsx 形式で保存してください。',
    en: 'This is not an Excel file (.xlsx). Fill in the template and save it as .xlsx.',
    'zh-CN': '这不是 Excel 文件（.xlsx）。请填写模板并保存为 .xlsx 格式。',
    ko: 'Excel 파일(.xlsx)이 아닙니다. 템플릿에 입력한 뒤 .xlsx 형식으로 저장해 주세요.',
  },
  'not-a-workbook': {
    ja: 'ZIP ファイルですが Excel のブックではありません。.xlsx 形式で保存してください。',
    en: 'This is a ZIP file but not an Excel workbook. Save the file as .xlsx.',
    'zh-CN': '这是 ZIP 文件，但不是 Excel 工作簿。请保存为 .xlsx 格式。',
    ko: 'ZIP 파일이지만 Excel 통합 문서가 아닙니다. .xlsx 형식으로 저장해 주세요.',
  },
  'unreadable-workbook': {
    ja: 'Excel ファイルを読み取れません。ファイルが壊れている可能性があります。Excel で開き直して保存してください。',
    en: 'The Excel file cannot be read; it may be damaged. Open it in Excel and save it again.',
    'zh-CN': '无法读取 Excel 文件，文件可能已损坏。请用 Excel 打开后重新保存。',
    ko: 'Excel 파일을 읽을 수 없습니다. 파일이 손상되었을 수 있습니다. Excel에서 열어 다시 저장해 주세요.',
  },
  'content-too-large': {
    ja: 'ファイルの中身が大きすぎます（展開後 {max} MB まで）。不要なシートや書式を削除してください。',
    en: 'The file holds too much data (at most {max} MB unpacked). Remove sheets or formatting you do not need.',
    'zh-CN': '文件内容过多（解压后上限 {max} MB）。请删除不需要的工作表或格式。',
    ko: '파일 내용이 너무 많습니다(압축 해제 후 최대 {max}MB). 필요 없는 시트나 서식을 삭제해 주세요.',
  },
  'inconsistent-zip': {
    ja: 'ファイルの構造に矛盾があるため読み込みません（ZIP の目次と中身が一致しません）。Excel で開いて .xlsx 形式で保存し直してください。',
    en: 'The file is not read: its structure contradicts itself (the ZIP directory does not match its contents). Open it in Excel and save it again as .xlsx.',
    'zh-CN': '文件结构自相矛盾（ZIP 目录与内容不一致），因此不予读取。请用 Excel 打开后重新保存为 .xlsx 格式。',
    ko: '파일 구조가 서로 맞지 않아 읽지 않습니다(ZIP 목록과 내용이 일치하지 않음). Excel에서 열어 .xlsx 형식으로 다시 저장해 주세요.',
  },
  'too-many-columns': {
    ja: '列が多すぎます（{max} 列まで）。テンプレートにない列や離れたセルの値を削除してください。',
    en: 'Too many columns (at most {max}). Remove columns that are not in the template and stray values far to the right.',
    'zh-CN': '列数过多（最多 {max} 列）。请删除模板中没有的列以及远处单元格中的值。',
    ko: '열이 너무 많습니다(최대 {max}열). 템플릿에 없는 열이나 멀리 떨어진 셀의 값을 삭제해 주세요.',
  },
  'more-problems': {
    ja: 'ほかに {count} 件の問題があります（最初の {shown} 件だけを表示しています）。',
    en: '{count} more problem(s) not listed (only the first {shown} are shown).',
    'zh-CN': '另有 {count} 个问题未列出（仅显示前 {shown} 个）。',
    ko: '이 밖에 {count}건의 문제가 더 있습니다(처음 {shown}건만 표시합니다).',
  },
  'empty-sheet': {
    ja: '最初のシートが空です。',
    en: 'The first sheet is empty.',
    'zh-CN': '第一个工作表是空的。',
    ko: '첫 번째 시트가 비어 있습니다.',
  },
  'no-data-rows': {
    ja: '見出し行の下にデータがありません。',
    en: 'There are no rows below the header row.',
    'zh-CN': '标题行下面没有数据。',
    ko: '머리글 행 아래에 데이터가 없습니다.',
  },
  'too-many-rows': {
    ja: '行が多すぎます（1 ファイル {max} 行まで）。ファイルを分けてください。',
    en: 'Too many rows (at most {max} per file). Split the file.',
    'zh-CN': '行数过多（每个文件最多 {max} 行）。请拆分文件。',
    ko: '행이 너무 많습니다(파일당 최대 {max}행). 파일을 나눠 주세요.',
  },
  'missing-column': {
    ja: '必須の列「{column}」がありません。',
    en: 'The required column "{column}" is missing.',
    'zh-CN': '缺少必填列“{column}”。',
    ko: '필수 열 "{column}"이(가) 없습니다.',
  },
  'duplicate-column': {
    ja: '列「{column}」が複数あります。1 つにしてください。',
    en: 'The column "{column}" appears more than once. Keep only one.',
    'zh-CN': '列“{column}”重复出现。请只保留一列。',
    ko: '"{column}" 열이 여러 개 있습니다. 하나만 남겨 주세요.',
  },
  'unknown-column': {
    ja: '列「{column}」はこのテンプレートにありません。見出しのつづりを確認するか、列を削除してください。',
    en: 'The column "{column}" is not part of this template. Check the spelling of the header or remove the column.',
    'zh-CN': '此模板中没有列“{column}”。请检查标题拼写或删除该列。',
    ko: '"{column}" 열은 이 템플릿에 없습니다. 머리글 철자를 확인하거나 열을 삭제해 주세요.',
  },
  'option-axis-count': {
    ja: '「{column}」の前にオプション項目の列（カラー、サイズなど）を {min}〜{max} 列置いてください（今は {count} 列）。',
    en: 'Put {min} to {max} option columns (such as Color, Size) before "{column}" (found {count}).',
    'zh-CN': '请在“{column}”之前放置 {min}～{max} 个选项列（如颜色、尺寸），当前为 {count} 个。',
    ko: '"{column}" 앞에 옵션 항목 열(색상, 사이즈 등)을 {min}~{max}개 두어 주세요(현재 {count}개).',
  },
  required: {
    ja: '「{column}」は必須です。',
    en: '"{column}" is required.',
    'zh-CN': '“{column}”为必填项。',
    ko: '"{column}"은(는) 필수입니다.',
  },
  'not-integer': {
    ja: '「{column}」は半角の整数で入力してください（入力値: {value}）。',
    en: '"{column}" must be a whole number (found: {value}).',
    'zh-CN': '“{column}”请填写整数（输入值：{value}）。',
    ko: '"{column}"은(는) 정수로 입력해 주세요(입력값: {value}).',
  },
  'out-of-range': {
    ja: '「{column}」は {min}〜{max} の範囲で入力してください（入力値: {value}）。',
    en: '"{column}" must be between {min} and {max} (found: {value}).',
    'zh-CN': '“{column}”须在 {min}～{max} 之间（输入值：{value}）。',
    ko: '"{column}"은(는) {min}~{max} 범위로 입력해 주세요(입력값: {value}).',
  },
  'too-long': {
    ja: '「{column}」が長すぎます（{max} 文字まで）。',
    en: '"{column}" is too long (at most {max} characters).',
    'zh-CN': '“{column}”过长（最多 {max} 个字符）。',
    ko: '"{column}"이(가) 너무 깁니다(최대 {max}자).',
  },
  'markup-not-allowed': {
    ja: '「{column}」に HTML のような記述（< で始まるタグや &…; ）は使えません。',
    en: '"{column}" must not contain HTML-like text (tags starting with < or entities like &…;).',
    'zh-CN': '“{column}”中不能包含类似 HTML 的内容（以 < 开头的标签或 &…; 实体）。',
    ko: '"{column}"에 HTML 같은 내용(<로 시작하는 태그나 &…; 엔티티)은 사용할 수 없습니다.',
  },
  'control-character': {
    ja: '「{column}」に改行や制御文字が含まれています。削除してください。',
    en: '"{column}" contains a line break or a control character. Remove it.',
    'zh-CN': '“{column}”中含有换行或控制字符。请删除。',
    ko: '"{column}"에 줄바꿈이나 제어 문자가 있습니다. 삭제해 주세요.',
  },
  'cell-error': {
    ja: '「{column}」のセルがエラー（{value}）になっています。数式を確認してください。',
    en: 'The "{column}" cell shows an error ({value}). Check its formula.',
    'zh-CN': '“{column}”单元格显示错误（{value}）。请检查公式。',
    ko: '"{column}" 셀이 오류({value})입니다. 수식을 확인해 주세요.',
  },
  'value-without-header': {
    ja: '{column} 列に値がありますが、見出しがありません。見出しを入れるか値を削除してください。',
    en: 'Column {column} has a value but no header. Add a header or remove the value.',
    'zh-CN': '{column} 列有值但没有标题。请添加标题或删除该值。',
    ko: '{column} 열에 값이 있지만 머리글이 없습니다. 머리글을 넣거나 값을 삭제해 주세요.',
  },
  'not-allowed-value': {
    ja: '「{column}」に「{value}」は使えません。次のいずれかを入力してください: {allowed}',
    en: '"{value}" is not allowed in "{column}". Use one of: {allowed}',
    'zh-CN': '“{column}”不能填写“{value}”。请填写以下之一：{allowed}',
    ko: '"{column}"에 "{value}"은(는) 사용할 수 없습니다. 다음 중 하나를 입력해 주세요: {allowed}',
  },
  'invalid-inventory-code': {
    ja: 'Q在庫コードは 3 で始まる 12 桁の数字です（入力値: {value}）。',
    en: 'A Q-inventory code is 12 digits starting with 3 (found: {value}).',
    'zh-CN': 'Q库存代码为以 3 开头的 12 位数字（输入值：{value}）。',
    ko: 'Q재고 코드는 3으로 시작하는 12자리 숫자입니다(입력값: {value}).',
  },
  'invalid-option-code': {
    ja: 'オプションコードは 5 桁の数字です（例: 00001、入力値: {value}）。',
    en: 'An option code is 5 digits, e.g. 00001 (found: {value}).',
    'zh-CN': '选项代码为 5 位数字，例如 00001（输入值：{value}）。',
    ko: '옵션 코드는 5자리 숫자입니다(예: 00001, 입력값: {value}).',
  },
  'invalid-branch-code': {
    ja: '支店コードは 10 桁の数字です（例: 0000011520、入力値: {value}）。',
    en: 'A branch code is 10 digits, e.g. 0000011520 (found: {value}).',
    'zh-CN': '分店代码为 10 位数字，例如 0000011520（输入值：{value}）。',
    ko: '지점 코드는 10자리 숫자입니다(예: 0000011520, 입력값: {value}).',
  },
  'invalid-sku': {
    ja: 'SKU 番号は「Q在庫コード-オプションコード」の形式です（例: 300001289771-00003、入力値: {value}）。',
    en: 'A SKU no. is the Q-inventory code, a dash and the option code, e.g. 300001289771-00003 (found: {value}).',
    'zh-CN': 'SKU 号码格式为“Q库存代码-选项代码”，例如 300001289771-00003（输入值：{value}）。',
    ko: 'SKU 번호는 "Q재고 코드-옵션 코드" 형식입니다(예: 300001289771-00003, 입력값: {value}).',
  },
  'invalid-postal-code': {
    ja: '郵便番号は 7 桁の数字です（例: 100-0005、入力値: {value}）。',
    en: 'A Japanese postal code is 7 digits, e.g. 100-0005 (found: {value}).',
    'zh-CN': '日本邮政编码为 7 位数字，例如 100-0005（输入值：{value}）。',
    ko: '일본 우편번호는 7자리 숫자입니다(예: 100-0005, 입력값: {value}).',
  },
  'invalid-phone': {
    ja: '電話番号は 0 で始まる 10〜11 桁の数字です（例: 03-1234-5678、入力値: {value}）。',
    en: 'A Japanese phone number is 10 or 11 digits starting with 0, e.g. 03-1234-5678 (found: {value}).',
    'zh-CN': '日本电话号码为以 0 开头的 10～11 位数字，例如 03-1234-5678（输入值：{value}）。',
    ko: '일본 전화번호는 0으로 시작하는 10~11자리 숫자입니다(예: 03-1234-5678, 입력값: {value}).',
  },
  'sku-or-seller-code-required': {
    ja: '「{column}」か「{other}」のどちらかを入力してください。',
    en: 'Fill in either "{column}" or "{other}".',
    'zh-CN': '请填写“{column}”或“{other}”其中之一。',
    ko: '"{column}" 또는 "{other}" 중 하나를 입력해 주세요.',
  },
  'duplicate-option': {
    ja: 'オプション「{value}」は {firstRow} 行目と重複しています。',
    en: 'The option "{value}" repeats row {firstRow}.',
    'zh-CN': '选项“{value}”与第 {firstRow} 行重复。',
    ko: '옵션 "{value}"이(가) {firstRow}행과 중복됩니다.',
  },
  'too-many-priced-options': {
    ja: '追加金額のあるオプションは全オプションの 30% 未満にしてください（{total} 件中 {count} 件、{allowed} 件まで）。',
    en: 'Options with an extra price must be under 30% of all options ({count} of {total}; at most {allowed}).',
    'zh-CN': '有追加金额的选项必须少于全部选项的 30%（{total} 个中有 {count} 个，最多 {allowed} 个）。',
    ko: '추가 금액이 있는 옵션은 전체 옵션의 30% 미만이어야 합니다({total}개 중 {count}개, 최대 {allowed}개).',
  },
};

/** The sentence for a code in `language`, parameters filled in; an unknown parameter stays visible as `{name}`. */
export function excelMessage(code: ExcelErrorCode, language: HubLanguage, params: MessageParams = {}): string {
  return excelMessages[code][language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
