import ExcelJS from 'exceljs';
import type { HubLanguage } from '../../shared/hub/hub-roles';
import type { ColumnMap, Localised, SampleValue, TemplateDefinition, TemplateKind } from './template-definition';
import { templates } from './templates';

const builders: { readonly [K in TemplateKind]: (language: HubLanguage) => Promise<Buffer> } = {
  options: (language) => writeTemplate(templates.options, language),
  inbound: (language) => writeTemplate(templates.inbound, language),
  shipments: (language) => writeTemplate(templates.shipments, language),
};

/**
 * A fill-in .xlsx for one template: the data sheet first (headers, the manual's example rows, code columns
 * formatted as text so Excel keeps their leading zeros), then a sheet explaining each column in `language`.
 */
export function buildTemplate(kind: TemplateKind, language: HubLanguage): Promise<Buffer> {
  return builders[kind](language);
}

type HelpSheetText = Readonly<Record<'sheet' | 'intro' | 'column' | 'required' | 'optional' | 'explanation' | 'example', string>>;

const helpTexts: Readonly<Record<HubLanguage, HelpSheetText>> = {
  ja: {
    sheet: '入力方法',
    intro: '1 枚目のシートを読み込みます。1 行目の見出しは消さずに、2 行目から入力してください（例の行は書き換えるか削除してください）。赤い見出しは必須です。',
    column: '列',
    required: '必須',
    optional: '任意',
    explanation: '説明',
    example: '例',
  },
  en: {
    sheet: 'Help',
    intro: 'The first sheet is read. Keep the headers in row 1 and fill in from row 2 (overwrite or delete the example rows). Red headers are required.',
    column: 'Column',
    required: 'Required',
    optional: 'Optional',
    explanation: 'Explanation',
    example: 'Example',
  },
  'zh-CN': {
    sheet: '填写说明',
    intro: '系统读取第一个工作表。请保留第 1 行的标题，从第 2 行开始填写（示例行请改写或删除）。红色标题为必填项目。',
    column: '列',
    required: '必填',
    optional: '选填',
    explanation: '说明',
    example: '示例',
  },
  ko: {
    sheet: '작성 방법',
    intro: '첫 번째 시트를 읽습니다. 1행의 머리글은 지우지 말고 2행부터 입력해 주세요(예시 행은 고치거나 삭제해 주세요). 빨간 머리글은 필수입니다.',
    column: '열',
    required: '필수',
    optional: '선택',
    explanation: '설명',
    example: '예',
  },
};

const requiredRed = 'FFC00000';
const textFormat = '@';

interface SheetColumn {
  readonly header: string;
  readonly required: boolean;
  readonly keepsLeadingZeros: boolean;
  readonly help: Localised;
  readonly samples: readonly (SampleValue | undefined)[];
}

async function writeTemplate<C extends ColumnMap, Row>(template: TemplateDefinition<C, Row>, language: HubLanguage): Promise<Buffer> {
  const sheetColumns = columnsOf(template, language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'QWMS Floor';

  const data = workbook.addWorksheet(template.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(sheetColumns.map((sheetColumn) => sheetColumn.header));
  for (let i = 0; i < template.samples.length; i++) {
    data.addRow(sheetColumns.map((sheetColumn) => sampleText(sheetColumn.samples[i], language)));
  }
  sheetColumns.forEach((sheetColumn, index) => {
    const column = data.getColumn(index + 1);
    column.width = Math.max(12, [...sheetColumn.header].length * 2 + 2);
    if (sheetColumn.keepsLeadingZeros) column.numFmt = textFormat;
    const header = data.getCell(1, index + 1);
    // The manual's templates mark required columns with red headers.
    header.font = sheetColumn.required ? { bold: true, color: { argb: requiredRed } } : { bold: true };
  });

  const text = helpTexts[language];
  const help = workbook.addWorksheet(text.sheet);
  help.addRow([text.intro]);
  help.addRow([]);
  help.addRow([text.column, text.required, text.explanation, text.example]).font = { bold: true };
  for (const sheetColumn of sheetColumns) {
    help.addRow([
      sheetColumn.header,
      sheetColumn.required ? text.required : text.optional,
      sheetColumn.help[language],
      sampleText(sheetColumn.samples[0], language),
    ]);
  }
  [24, 10, 70, 24].forEach((width, index) => (help.getColumn(index + 1).width = width));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The data sheet's columns left to right: sample option axes first (options template), then the template's. */
function columnsOf<C extends ColumnMap, Row>(template: TemplateDefinition<C, Row>, language: HubLanguage): SheetColumn[] {
  const axes = template.optionAxes;
  // Axis values are the seller's words; text format keeps sizes such as 01 or 00 as typed.
  const axisColumns: SheetColumn[] = axes
    ? axes.sampleHeaders.map((header, index) => ({
        header,
        required: true,
        keepsLeadingZeros: true,
        help: axes.help,
        samples: template.samples.map((sample) => sample.axes?.[index]),
      }))
    : [];
  const templateColumns = Object.entries(template.columns).map(([key, definition]) => ({
    header: template.headers === 'canonical' ? definition.header : definition.label[language],
    required: definition.required,
    keepsLeadingZeros: definition.rule.keepsLeadingZeros,
    help: definition.help,
    samples: template.samples.map((sample) => sample.cells[key]),
  }));
  return [...axisColumns, ...templateColumns];
}

function sampleText(value: SampleValue | undefined, language: HubLanguage): string | number | null {
  if (value === undefined) return null;
  return typeof value === 'object' ? value[language] : value;
}
