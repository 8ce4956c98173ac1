import type { Transaction } from 'kysely';
import { z } from 'zod';
import { orderQuantitySchema } from '../../shared/domain/orders';
import type { ParcelService } from '../../shared/domain/parcel-services';
import { plainTextSchema } from '../../shared/domain/text';
import type { HubLanguage } from '../../shared/hub/hub-roles';
import {
  maxReportedProblems,
  parseWorkbookOffThread,
  type DeliveryMethod,
  type InboundRow,
  type OptionRow,
  type ShipmentRow,
  type TemplateKind,
  type TemplateRows,
} from '../excel';
import type { ColumnMap, TemplateDefinition } from '../excel/template-definition';
import { templates } from '../excel/templates';
import type { HubStore } from '../storage/database';
import type { HubDatabase } from '../storage/schema';
import { allocateAfterImport } from './allocation';
import { registerInboundLines, type InboundLineInput } from './inbound';
import { insertInventoryItem } from './inventory/inventory-items';
import { requireSeller } from './inventory/inventory-lookups';
import { insertOption } from './inventory/inventory-options';
import { chunked } from './chunks';
import { registerManagementShipments } from './orders/management-shipments';
import { lineProblemSchema, type LineProblem } from './orders/order-batches';
import { notFound, refuse, Refusal, type ExplainRefusal } from './refusal';

/**
 * Excel imports, one per template, for the API and the CLI alike. The file is read whole (server/excel), then
 * checked against the database row by row, and applied in one transaction: a seller gets every problem of the file
 * in one report, and either everything is stored or nothing is.
 */

type Trx = Transaction<HubDatabase>;

export interface ImportRequest {
  sellerId: string;
  /** The language of the problems reported. */
  language: HubLanguage;
  /** Words a problem found against the database in that language (the API's messages; services know none). */
  explain: ExplainRefusal;
  /** Options only: the seller's existing Q-inventory code the options are added to … */
  inventoryCode?: string | undefined;
  /** … or the name of a new Q-inventory code, created with them. */
  inventoryName?: string | undefined;
}

/** A problem of the file, found by reading it (a RowError) or against the database, located the same way. */
export interface ImportProblem {
  /** The Excel row; 0 for the file as a whole. */
  row: number;
  /** The column's header; '' for the whole row or file. */
  column: string;
  code: string;
  message: string;
}

export type ImportSummary =
  | { kind: 'options'; inventoryCode: string; inventoryCreated: boolean; skus: string[] }
  | { kind: 'inbound'; lines: number; units: number }
  /** `allocated` is null when the allocation run after the import failed: the orders then wait for the next run. */
  | { kind: 'shipments'; orders: number; allocated: number | null };

/** `total`: the number of problems when `errors` lists only the first ones (see server/excel). */
export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; errors: ImportProblem[]; total?: number };

/** Reads, checks and applies one uploaded workbook for `request.sellerId`, all or nothing. */
export async function importWorkbook<K extends TemplateKind>(
  store: HubStore,
  kind: K,
  bytes: Uint8Array,
  request: ImportRequest,
  now = new Date(),
): Promise<ImportOutcome> {
  checkTarget(kind, request);
  await requireSeller(store.db, request.sellerId);
  // Off the event loop, with a heap limit: the hub answers other requests while a big file is read.
  const parsed = await parseWorkbookOffThread(kind, bytes, { language: request.language });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, ...(parsed.total === undefined ? {} : { total: parsed.total }) };
  try {
    return { ok: true, summary: await importers[kind](store, parsed.rows, request, now) };
  } catch (error) {
    if (!(error instanceof RowsRefused)) throw error;
    const errors = error.problems.map(({ row, column, code, params }): ImportProblem => ({
      row,
      column,
      code,
      message: request.explain(code, { column, ...params }),
    }));
    // Stable: the problems of one row stay in column order. Past the first few hundred, only their number.
    errors.sort((a, b) => a.row - b.row);
    if (errors.length <= maxReportedProblems) return { ok: false, errors };
    const more = { count: errors.length - maxReportedProblems, shown: maxReportedProblems };
    const listed = [...errors.slice(0, maxReportedProblems), { row: 0, column: '', code: 'more-problems', message: request.explain('more-problems', more) }];
    return { ok: false, errors: listed, total: errors.length };
  }
}

type Importer<Row> = (store: HubStore, rows: Row[], request: ImportRequest, now: Date) => Promise<ImportSummary>;

const importers: { readonly [K in TemplateKind]: Importer<TemplateRows[K]> } = {
  options: importOptions,
  inbound: importInbound,
  shipments: importShipments,
};

interface RowProblem {
  row: number;
  column: string;
  code: string;
  params: Record<string, string | number>;
}

/** Thrown inside the import's transaction so that it rolls back; carries the problems to report. */
class RowsRefused extends Error {
  constructor(readonly problems: RowProblem[]) {
    super('rows-refused');
  }
}

function checkTarget(kind: TemplateKind, request: ImportRequest): void {
  const hasCode = request.inventoryCode !== undefined;
  const hasName = request.inventoryName !== undefined;
  if (kind !== 'options') {
    if (hasCode || hasName) throw refuse('import-target-not-allowed');
    return;
  }
  if (hasCode === hasName) throw refuse('import-target-required');
  if (hasName && !plainTextSchema(200).safeParse(request.inventoryName).success) throw refuse('bad-input', { fields: 'inventoryName' });
}

/** A column as the template names it in `language`: what the seller's downloaded template shows. */
function columnTitle<C extends ColumnMap>(template: TemplateDefinition<C, unknown>, key: keyof C & string, language: HubLanguage): string {
  const definition = template.columns[key]!;
  return template.headers === 'canonical' ? definition.header : definition.label[language];
}

// ---- options -------------------------------------------------------------------------------------------------

/**
 * The options become SKUs of one Q-inventory code. The Qty column is the listing's stock for sale on Qoo10, not
 * the warehouse's: stock here only ever comes from inbound inspection, so it is not posted.
 */
async function importOptions(store: HubStore, rows: OptionRow[], request: ImportRequest, now: Date): Promise<ImportSummary> {
  const { sellerId } = request;
  return store.db.transaction().execute(async (trx) => {
    let inventoryCode = request.inventoryCode;
    if (inventoryCode !== undefined) await refuseExistingOptions(trx, sellerId, inventoryCode, rows);
    else inventoryCode = (await insertInventoryItem(trx, { sellerId, name: request.inventoryName!, separateInventory: true }, now)).code;
    const skus: string[] = [];
    for (const row of rows) {
      const option = { name: row.optionName, sellerSkuCode: row.sellerCode, extraPriceJpy: row.extraPrice, currency: row.currency };
      skus.push((await insertOption(trx, inventoryCode, sellerId, option, now)).sku);
    }
    return { kind: 'options', inventoryCode, inventoryCreated: request.inventoryCode === undefined, skus };
  });
}

/** The file repeating none of its own options was checked on reading; here, none may repeat the item's. */
async function refuseExistingOptions(trx: Trx, sellerId: string, inventoryCode: string, rows: readonly OptionRow[]): Promise<void> {
  const item = await trx.selectFrom('inventory_items').select('code').where('code', '=', inventoryCode).where('seller_id', '=', sellerId).executeTakeFirst();
  if (!item) throw notFound('Q-inventory', inventoryCode);
  const existing = await trx.selectFrom('inventory_options').select(['name', 'sku']).where('inventory_code', '=', inventoryCode).execute();
  const skuByName = new Map(existing.map((option) => [option.name, option.sku]));
  const problems = rows.flatMap((row): RowProblem[] => {
    const sku = skuByName.get(row.optionName);
    return sku === undefined
      ? []
      : [{ row: row.row, column: row.axes[0]?.name ?? '', code: 'option-exists', params: { value: row.optionName, code: inventoryCode, sku } }];
  });
  if (problems.length > 0) throw new RowsRefused(problems);
}

// ---- inbound -------------------------------------------------------------------------------------------------

async function importInbound(store: HubStore, rows: InboundRow[], request: ImportRequest, now: Date): Promise<ImportSummary> {
  const { sellerId, language } = request;
  const column = (key: keyof typeof templates.inbound.columns) => columnTitle(templates.inbound, key, language);
  const lines: InboundLineInput[] = rows.map((row) => ({ sku: row.sku, quantity: row.quantity, branchCode: row.branchCode, description: row.description }));
  return store.db.transaction().execute(async (trx) => {
    const problems = await sellerCodeMismatches(trx, sellerId, rows, column('sellerCode'));
    // registerInboundLines checks every line (the seller's SKU, separate inventory management, the branch) and
    // writes only when all pass; a SellerCode problem found above then undoes its write with the transaction.
    const registered = await registerInboundLines(trx, sellerId, lines, now);
    if (!registered.ok) problems.push(...(await placeInboundRefusals(trx, sellerId, rows, registered.problems, column)));
    if (problems.length > 0) throw new RowsRefused(problems);
    return { kind: 'inbound', lines: rows.length, units: rows.reduce((sum, row) => sum + row.quantity, 0) };
  });
}

/** A SellerCode, when given, must be the one the hub has for the SKU: the item's seller code or the option's. */
async function sellerCodeMismatches(trx: Trx, sellerId: string, rows: readonly InboundRow[], column: string): Promise<RowProblem[]> {
  const named = rows.filter((row) => row.sellerCode !== null);
  const codesBySku = new Map<string, string[]>();
  for (const chunk of chunked([...new Set(named.map((row) => row.sku))], 500)) {
    const found = await trx
      .selectFrom('inventory_options')
      .innerJoin('inventory_items', 'inventory_items.code', 'inventory_options.inventory_code')
      .select(['inventory_options.sku', 'inventory_options.seller_sku_code', 'inventory_items.seller_item_code'])
      .where('inventory_items.seller_id', '=', sellerId)
      .where('inventory_options.sku', 'in', chunk)
      .execute();
    for (const option of found)
      codesBySku.set(
        option.sku,
        [option.seller_item_code, option.seller_sku_code].filter((code) => code !== null),
      );
  }
  // A SKU that is not the seller's is reported once, as not found, by the line check.
  return named.flatMap((row): RowProblem[] => {
    const codes = codesBySku.get(row.sku);
    if (!codes || codes.includes(row.sellerCode!)) return [];
    const params = { value: row.sellerCode!, sku: row.sku, expected: codes.join(' / ') };
    return [{ row: row.row, column, code: codes.length > 0 ? 'seller-code-mismatch' : 'seller-code-not-registered', params }];
  });
}

/**
 * Puts each refused line at its cell. A SKU that is not the seller's is the Q-inventory code's fault when the seller
 * has no such code, else the option code's; another seller's code reads as not found, exactly like a mistyped one.
 */
async function placeInboundRefusals(
  trx: Trx,
  sellerId: string,
  rows: readonly InboundRow[],
  refusals: readonly { index: number; refusal: Refusal }[],
  column: (key: keyof typeof templates.inbound.columns) => string,
): Promise<RowProblem[]> {
  const refusedCodes = [...new Set(refusals.map(({ index }) => rows[index]!.inventoryCode))];
  const ownCodes = new Set<string>();
  for (const chunk of chunked(refusedCodes, 500)) {
    const own = await trx.selectFrom('inventory_items').select('code').where('seller_id', '=', sellerId).where('code', 'in', chunk).execute();
    for (const item of own) ownCodes.add(item.code);
  }
  return refusals.map(({ index, refusal }): RowProblem => {
    const row = rows[index]!;
    if (refusal.code === 'not-found' && refusal.params.what === 'branch') {
      return { row: row.row, column: column('branchCode'), code: 'unknown-branch', params: { value: row.branchCode } };
    }
    if (refusal.code === 'not-found' && !ownCodes.has(row.inventoryCode)) {
      return { row: row.row, column: column('inventoryCode'), code: 'unknown-inventory-code', params: { value: row.inventoryCode } };
    }
    if (refusal.code === 'not-found') {
      return { row: row.row, column: column('optionCode'), code: 'unknown-option-code', params: { value: row.optionCode, code: row.inventoryCode } };
    }
    // Separate inventory management is a setting of the Q-inventory code.
    return { row: row.row, column: column('inventoryCode'), code: refusal.code, params: refusal.params };
  });
}

// ---- other-platform shipments --------------------------------------------------------------------------------

/**
 * The manual's 一般 (general, tracked) leaves the service to the warehouse: Yamato takkyubin is its tracked
 * default, and the packer may still change it (the station suggests a service by size).
 */
const parcelServiceOf: Readonly<Record<DeliveryMethod, ParcelService>> = { general: 'yamato', nekopos: 'nekopos', yamato: 'yamato', sagawa: 'sagawa' };

type ShipmentColumn = keyof typeof templates.shipments.columns;

/** Where registerManagementShipments' fields came from in the file. */
const columnOfField: Readonly<Record<string, ShipmentColumn>> = {
  managementNo: 'referenceOrderNo',
  sku: 'sku',
  sellerSkuCode: 'sellerSkuCode',
  quantity: 'quantity',
  'recipient.name': 'recipientName',
  'recipient.phone': 'recipientPhone',
  'recipient.postalCode': 'postalCode',
  'recipient.address': 'address',
  deliveryMethod: 'deliveryMethod',
};

/**
 * Registered through registerManagementShipments, which checks every line against the database and stores them
 * all in its one transaction or none; its refusals are put back at their rows and cells. The manual's columns the
 * hub's orders do not keep (item code and name, reference price, memo, branch) are read and checked, not stored.
 */
async function importShipments(store: HubStore, rows: ShipmentRow[], request: ImportRequest, now: Date): Promise<ImportSummary> {
  const { sellerId } = request;
  const lines = rows.map((row) => managementLine(row, sellerId));
  const registered = await registerManagementShipments(store.db, lines, { ownSeller: sellerId }, now).catch((error: unknown) => {
    if (!(error instanceof Refusal && error.code === 'order-lines-refused')) throw error;
    const problems = z.array(lineProblemSchema).parse(error.details);
    throw new RowsRefused(problems.map((problem) => placeShipmentProblem(rows[problem.index]!, problem, request.language)));
  });
  return { kind: 'shipments', orders: registered.length, allocated: (await allocateAfterImport(store, [sellerId]))?.allocated ?? null };
}

function managementLine(row: ShipmentRow, sellerId: string) {
  return {
    sellerId,
    managementNo: row.referenceOrderNo,
    // The SKU no. is exact; the seller SKU code is looked up only when it is the one given.
    ...(row.sku !== null ? { sku: row.sku } : { sellerSkuCode: row.sellerSkuCode }),
    quantity: row.quantity,
    recipient: {
      name: row.recipientName,
      phone: row.recipientPhone,
      postalCode: row.postalCode,
      address: [row.address, row.addressDetail].filter((part) => part !== null).join(' '),
    },
    deliveryMethod: parcelServiceOf[row.deliveryMethod],
  };
}

function placeShipmentProblem(row: ShipmentRow, problem: LineProblem, language: HubLanguage): RowProblem {
  const key = columnOfField[problem.field];
  const column = key ? columnTitle(templates.shipments, key, language) : '';
  const value = key ? String(row[key] ?? '') : '';
  const at = (code: string, params: Record<string, string | number> = {}): RowProblem => ({ row: row.row, column, code, params: { value, ...params } });
  switch (problem.reason) {
    case 'unknown-sku':
    case 'unknown-seller-sku-code':
    case 'ambiguous-seller-sku-code':
    case 'duplicate-management-no':
    case 'invalid-management-no':
      return at(problem.reason);
    // The template allows more than an order does; the order's own limits are the ones to quote.
    case 'invalid-quantity':
      return at('out-of-range', { min: orderQuantitySchema.minValue ?? 1, max: orderQuantitySchema.maxValue ?? '' });
    default:
      // The address and its detail are one field of the order, so only together can they be too long.
      if (problem.reason === 'too-long' && key === 'address') return at('address-too-long');
      return at('value-refused', { reason: problem.reason });
  }
}
