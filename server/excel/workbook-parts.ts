/**
 * The workbook parts read whole before the sheet is streamed (read-sheet.ts): the shared strings (a Japanese
 * cell's text without its furigana, see below) and the sheet order (which part is the first tab).
 */

/**
 * Every shared string, by index. Excel stores the reading of text typed through a Japanese IME next to the text:
 * `<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>`. exceljs 4.4's streaming reader keeps the last
 * `<t>` it sees, i.e. `トウキョウ`; the value is the `<t>` outside `<rPh>`, and of every `<r>` run of rich text.
 */
export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const item of xml.matchAll(/<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    const body = (item[1] ?? '').replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
    let text = '';
    for (const run of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) text += run[1] ?? '';
    strings.push(decodeXmlText(text));
  }
  return strings;
}

export interface FirstSheet {
  readonly name: string;
  /** N of its part `xl/worksheets/sheetN.xml`, when the relationships say so. */
  readonly partNumber: string | null;
  /** The ZIP entry of its part (e.g. `xl/worksheets/sheet1.xml`), when the relationships name one. */
  readonly part: string | null;
}

/** The first sheet in tab order (the first `<sheet>` of workbook.xml), or null when the workbook lists none. */
export function firstSheet(workbookXml: string, relationshipsXml: string): FirstSheet | null {
  const tag = /<(?:\w+:)?sheet\s[^>]*>/.exec(workbookXml)?.[0];
  const attributes = tag ? attributesOf(tag) : null;
  const name = attributes?.get('name');
  if (!attributes || name === undefined) return null;
  const relationshipId = [...attributes].find(([key]) => /^\w+:id$/.test(key))?.[1];
  let partNumber: string | null = null;
  let part: string | null = null;
  for (const relationship of relationshipsXml.match(/<(?:\w+:)?Relationship\s[^>]*>/g) ?? []) {
    const relationshipAttributes = attributesOf(relationship);
    if (relationshipAttributes.get('Id') !== relationshipId) continue;
    const target = relationshipAttributes.get('Target') ?? '';
    partNumber = /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1] ?? null;
    part = partPath(target);
  }
  return { name, partNumber, part };
}

/** A relationship target of xl/workbook.xml as a ZIP entry name: absolute from the package root, else from xl/. */
function partPath(target: string): string | null {
  const segments: string[] = target.startsWith('/') ? [] : ['xl'];
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.length > 0 ? segments.join('/') : null;
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, key, value] of tag.matchAll(/([\w:]+)="([^"]*)"/g)) {
    if (key !== undefined && value !== undefined) attributes.set(key, decodeXmlText(value));
  }
  return attributes;
}

const namedEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities, then OOXML's own `_xHHHH_` escape (how Excel stores e.g. a carriage return in a string). */
function decodeXmlText(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
      if (entity.startsWith('#x')) return fromCodePoint(parseInt(entity.slice(2), 16), whole);
      if (entity.startsWith('#')) return fromCodePoint(parseInt(entity.slice(1), 10), whole);
      return namedEntities[entity] ?? whole;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const fromCodePoint = (codePoint: number, fallback: string): string => (codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : fallback);
