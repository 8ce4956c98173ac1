import { readFileSync } from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import { hubLanguages, type HubLanguage } from '../../shared/hub/hub-roles';
import { explainIn, hubMessage } from '../api/messages';
import { loadDemoData } from '../demo/demo-data';
import type { TemplateKind } from '../excel';
import { importWorkbook, type ImportProblem, type ImportSummary } from '../services/excel-imports';
import { requireSeller } from '../services/inventory/inventory-lookups';
import { readStock, type SkuStockView } from '../services/inventory/stock-read';
import { Refusal } from '../services/refusal';
import { withStore } from './with-store';

/**
 * `qwms demo`, `qwms import …` and `qwms stock`: commands over the seller-side data. Registered here so the entry
 * point stays a list of commands.
 */
export function registerDataCommands(program: Command, language: HubLanguage): void {
  registerImport(program, language);
  registerStock(program);
  registerDemo(program);
}

// ---- import --------------------------------------------------------------------------------------------------

/** The CLI's names for the templates: sellers know the options template as their inventory (在庫) sheet. */
const templateOfName = { inventory: 'options', inbound: 'inbound', shipments: 'shipments' } as const satisfies Record<string, TemplateKind>;
type TemplateName = keyof typeof templateOfName;

interface ImportOptions {
  seller: string;
  inventory?: string;
  name?: string;
  db?: string;
  lang: HubLanguage;
}

function registerImport(program: Command, language: HubLanguage): void {
  program
    .command('import')
    .description('import a filled-in Excel template for a seller: every row is checked, and all are applied or none')
    .addArgument(new Argument('<template>', 'inventory (the options template), inbound or shipments').choices(Object.keys(templateOfName)))
    .argument('<file>', 'the .xlsx file')
    .requiredOption('--seller <id>', 'the seller the rows belong to')
    .option('--inventory <code>', 'inventory: the existing Q-inventory code the options are added to')
    .option('--name <name>', 'inventory: the name of a new Q-inventory code created with the options')
    .option('--db <path|url>', 'SQLite file or postgres:// URL')
    .addOption(new Option('--lang <language>', 'language of the report (default: QWMS_LANG or LANG, else ja)').choices(hubLanguages).default(language))
    .action(async (template: TemplateName, file: string, options: ImportOptions) => {
      const { lang } = options;
      try {
        const bytes = readFileSync(file);
        const request = { sellerId: options.seller, language: lang, explain: explainIn(lang), inventoryCode: options.inventory, inventoryName: options.name };
        const outcome = await withStore(options.db, (store) => importWorkbook(store, templateOfName[template], bytes, request));
        if (outcome.ok) {
          console.log(summaryLine(outcome.summary, lang));
          return;
        }
        console.error(hubMessage('excel-invalid', lang, { count: outcome.errors.length }));
        for (const problem of outcome.errors) console.error(problemLine(problem));
        process.exitCode = 1;
      } catch (error) {
        // In the language asked for; anything else goes to the entry point's handler.
        if (!(error instanceof Refusal)) throw error;
        console.error(hubMessage(error.code, lang, error.params));
        process.exitCode = 1;
      }
    });
}

function summaryLine(summary: ImportSummary, language: HubLanguage): string {
  switch (summary.kind) {
    case 'options':
      return hubMessage('import-applied-options', language, { code: summary.inventoryCode, count: summary.skus.length });
    case 'inbound':
      return hubMessage('import-applied-inbound', language, { count: summary.lines, units: summary.units });
    case 'shipments':
      return hubMessage('import-applied-shipments', language, { count: summary.orders });
  }
}

/** `row 7, column MovingQty: …`: one line per problem, so a long report can be grepped and counted. */
function problemLine(problem: ImportProblem): string {
  const place = [problem.row > 0 ? `row ${problem.row}` : '', problem.column ? `column ${problem.column}` : ''].filter(Boolean).join(', ');
  return place ? `${place}: ${problem.message}` : problem.message;
}

// ---- stock ---------------------------------------------------------------------------------------------------

const stockPage = 1000;

function registerStock(program: Command): void {
  program
    .command('stock')
    .description('stock per SKU and branch')
    .option('--seller <id>', 'only this seller’s SKUs')
    .option('--sku <code>', 'only this SKU, e.g. 300001289771-00003')
    .option('--json', 'print JSON instead of a table')
    .option('--db <path|url>', 'SQLite file or postgres:// URL')
    .action(async (options: { seller?: string; sku?: string; json?: boolean; db?: string }) => {
      const stock = await withStore(options.db, async (store) => {
        if (options.seller) await requireSeller(store.db, options.seller);
        const all: SkuStockView[] = [];
        for (let offset = 0; ; offset += stockPage) {
          const page = await readStock(store.db, { sellerId: options.seller ?? null, sku: options.sku, limit: stockPage, offset });
          all.push(...page);
          if (page.length < stockPage) return all;
        }
      });
      console.log(options.json ? JSON.stringify(stock, null, 2) : stockTable(stock));
    });
}

/** One line per SKU and branch; a SKU never received shows once, with no branch and 0s. */
function stockTable(stock: readonly SkuStockView[]): string {
  // QTY is sellable stock (what orders are allocated from); DAMAGED is held apart.
  const header = ['SKU', 'NAME', 'OPTION', 'BRANCH', 'QTY', 'DAMAGED'];
  const lines = stock.flatMap((sku) => {
    const branches = sku.branchQuantities.length > 0 ? sku.branchQuantities : [{ branchCode: '-', quantity: 0, damaged: 0 }];
    return branches.map((branch) => [sku.sku, sku.inventoryName, sku.optionName, branch.branchCode, String(branch.quantity), String(branch.damaged)]);
  });
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...lines.map((line) => displayWidth(line[column]!))));
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const padding = ' '.repeat(widths[column]! - displayWidth(cell));
        // The two counts are right-aligned, the text left.
        return column >= cells.length - 2 ? padding + cell : cell + padding;
      })
      .join('  ');
  return [header, ...lines].map(format).join('\n');
}

// Kana, kanji, hangul and full-width forms take two terminal columns: names here are mostly Japanese.
const wideCharacter =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += wideCharacter.test(character) ? 2 : 1;
  return width;
}

// ---- demo ----------------------------------------------------------------------------------------------------

function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load the demo warehouse (staff, two sellers, SKUs, bundles, orders) into an empty database')
    .option('--db <path|url>', 'SQLite file or postgres:// URL')
    .action(async (options: { db?: string }) => {
      const { loaded, location } = await withStore(options.db, async (store) => ({ loaded: await loadDemoData(store), location: store.location }));
      console.log(loaded ? `loaded the demo warehouse into ${location}` : `${location} already has data: the demo warehouse was not loaded`);
    });
}
