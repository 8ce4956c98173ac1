import { z } from 'zod';
import { hubLanguages } from '../hub/hub-roles';
import { bundleIdSchema } from '../domain/identifiers';
import type { Role } from '../domain/roles';
import { parcelServices, sagawaTimeSlots } from '../domain/parcel-services';
import { floorEventPayloads } from './floor-events';
import { manifestDayInputSchema, manifestDaySchema, manifestPrintInputSchema, manifestPrintResultSchema } from './manifest';
import {
  dailyCountListAnswerSchema,
  dailyCountListInputSchema,
  dailyCountsAnswerSchema,
  dailyCountsFileSchema,
  dailyCountsInputSchema,
  dailyCountsPrintSchema,
} from './daily-counts';
import { packLabelResultSchema, packStepResultSchema, packViewSchema } from './packing';
import {
  pickMakeResultSchema,
  pickListSummarySchema,
  pickOpenResultSchema,
  pickPrintInputSchema,
  pickPrintResultSchema,
  pickScanResultSchema,
} from './picking';
import { cupsQueueListSchema, printerKindSchema, printerProfileSchema, setPrinterInputSchema } from './printer-profile';
import { putawayItemSchema, putawayStepSchema } from './putaway';
import {
  stockCountCodeSchema,
  stockCountConfirmInputSchema,
  stockCountConfirmResultSchema,
  stockCountRecordSchema,
  stockCountTargetSchema,
} from './stock-count';
import { skuCardSchema, skuCodeInputSchema, skuLabelsForInputSchema, skuLabelsForResultSchema } from './sku-labels';
import { bundleSummarySchema, dockArrivalSchema, inspectionScanResultSchema, inspectionViewSchema, lineReasonSchema, reportWordingSchema } from './receiving';
import {
  emptyInput,
  embeddedHubStatusSchema,
  hubStatusSchema,
  printJobStatusSchema,
  scanSchema,
  scannerDeviceSchema,
  sessionSchema,
  signInInputSchema,
  stationStatusSchema,
  userSchema,
  wedgeScanInputSchema,
} from './schemas';

/** Who may call a method: anyone on the station, any signed-in user, or only the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
}

const receivingRoles = ['clerk', 'supervisor', 'admin'] as const satisfies readonly Role[];
const putawayRoles = ['clerk', 'supervisor', 'admin'] as const satisfies readonly Role[];
const bundleInput = z.object({ bundleId: bundleIdSchema }).strict();
const packingRoles = ['packer', 'supervisor', 'admin'] as const satisfies readonly Role[];
const orderInput = z.object({ orderId: z.string().min(1).max(64) }).strict();
const stationPrintersSchema = z.object({ 'sku-labels': printerProfileSchema, 'shipping-labels': printerProfileSchema, documents: printerProfileSchema });

/**
 * The whole station contract: every call the renderer can make, whatever carries it (Electron IPC or WebSocket).
 * Adding a screen means adding methods here; both transports and the typed client follow.
 */
export const stationMethods = {
  'session.users': { input: emptyInput, output: z.array(userSchema), access: 'public' },
  'session.signIn': { input: signInInputSchema, output: sessionSchema, access: 'public' },
  'session.signOut': { input: emptyInput, output: z.object({ signedOut: z.boolean() }), access: 'public' },
  'session.current': { input: emptyInput, output: sessionSchema.nullable(), access: 'public' },
  /** The window's language, so the hub's refusals reach the user in it. */
  'session.language': { input: z.object({ language: z.enum(hubLanguages) }).strict(), output: z.object({ language: z.enum(hubLanguages) }), access: 'public' },
  'station.status': { input: emptyInput, output: stationStatusSchema, access: 'public' },
  'scans.submitWedge': { input: wedgeScanInputSchema, output: scanSchema, access: 'signed-in' },
  'scans.recent': {
    input: z.object({ limit: z.int().min(1).max(5000).default(100) }).strict(),
    output: z.array(scanSchema),
    access: 'signed-in',
  },
  /** A supervisor's count correction, kept in the outbox until the hub has it. */
  'stock.adjust': {
    input: floorEventPayloads['stock.adjusted'],
    output: z.object({ eventId: z.string(), seq: z.int(), outboxDepth: z.int().nonnegative() }),
    access: ['supervisor', 'admin'],
  },
  'receiving.expected': { input: emptyInput, output: z.array(bundleSummarySchema), access: receivingRoles },
  /** A box scanned (or typed) at the dock: seller id and bundle number as written on the box. */
  'receiving.arrive': {
    input: z.object({ code: z.string().min(1).max(128), boxesReceived: z.int().min(1).max(999).optional() }).strict(),
    output: dockArrivalSchema,
    access: receivingRoles,
  },
  'inspection.open': { input: bundleInput, output: inspectionViewSchema, access: receivingRoles },
  'inspection.scan': { input: bundleInput.extend({ code: z.string().min(1).max(256) }).strict(), output: inspectionScanResultSchema, access: receivingRoles },
  'inspection.key': {
    input: bundleInput.extend({ lineId: z.string().min(1).max(64), count: z.int().min(0).max(100_000) }).strict(),
    output: inspectionScanResultSchema,
    access: receivingRoles,
  },
  'inspection.undo': { input: bundleInput, output: inspectionScanResultSchema, access: receivingRoles },
  'inspection.finish': {
    input: bundleInput.extend({ reasons: z.array(lineReasonSchema).max(1000) }).strict(),
    output: inspectionViewSchema,
    access: receivingRoles,
  },
  /** The finished inspection's discrepancy report as a PDF, kept in the station's data folder. */
  'inspection.reportPdf': {
    input: bundleInput.extend({ wording: reportWordingSchema }).strict(),
    output: z.object({ path: z.string(), bytes: z.int() }),
    access: receivingRoles,
  },
  /** The same report kept as a PDF and sent to the station's document printer (A4), with the print job's answer. */
  'inspection.printReport': {
    input: bundleInput.extend({ wording: reportWordingSchema }).strict(),
    output: z.object({ path: z.string(), bytes: z.int(), job: printJobStatusSchema }),
    access: receivingRoles,
  },
  /** SKU labels for every counted unit of an inspected bundle, to the station's label printer. */
  'printing.skuLabels': { input: bundleInput, output: printJobStatusSchema, access: receivingRoles },
  /** The SKU label screen: what a scanned or typed code (SKU label, JAN, seller SKU code) is, from the station's catalogue. */
  'catalog.skuCard': { input: skuCodeInputSchema, output: skuCardSchema.nullable(), access: receivingRoles },
  /** Any number of SKU labels (1–999) for one SKU, to the SKU label printer; no job when the code is unknown. */
  'printing.skuLabelsFor': { input: skuLabelsForInputSchema, output: skuLabelsForResultSchema, access: receivingRoles },
  'printing.jobs': { input: emptyInput, output: z.array(printJobStatusSchema), access: 'signed-in' },
  'printing.reprint': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: printJobStatusSchema, access: receivingRoles },
  /** The station's floor settings: blind inspection and its printer for each kind of document. */
  'station.settings': {
    input: emptyInput,
    output: z.object({ blind: z.boolean(), printers: stationPrintersSchema }),
    access: 'signed-in',
  },
  /** The CUPS queues this machine has (lpstat), for the settings screen and "choose another printer". */
  'printing.queues': { input: emptyInput, output: cupsQueueListSchema, access: 'signed-in' },
  /** One kind's printer (SKU labels, shipping labels or documents); answers every kind's setting. */
  'printing.setPrinter': { input: setPrinterInputSchema, output: stationPrintersSchema, access: ['supervisor', 'admin'] },
  /** One sample page of the kind to its printer: the job's status once the printer has answered (or a few seconds). */
  'printing.test': { input: z.object({ kind: printerKindSchema }).strict(), output: printJobStatusSchema, access: ['supervisor', 'admin'] },
  /** A failed or waiting job printed again as a new job: on its kind's printer, or on another CUPS queue. */
  'printing.retry': {
    input: z.object({ jobId: z.string().min(1).max(100), queue: z.string().min(1).max(127).optional() }).strict(),
    output: printJobStatusSchema,
    access: 'signed-in',
  },
  /** Someone dealt with a failed or waiting job: it leaves the status bar's list (kept so across restarts). */
  'printing.dismiss': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: printJobStatusSchema, access: 'signed-in' },
  /** An order id, order no., cart no., pick list id (or the label's QR) scanned at the pack bench: the order(s) to pack here. */
  'packing.open': { input: z.object({ code: z.string().min(1).max(256) }).strict(), output: packViewSchema, access: packingRoles },
  /** One unit scanned against the order: counted if it belongs and is still needed; else refused, nothing recorded. */
  'packing.scan': {
    // `bench`: the other orders on the bench (a pick list's), where a unit the active order does not need may count.
    input: orderInput.extend({ code: z.string().min(1).max(256), bench: z.array(z.string().min(1).max(64)).max(1000).default([]) }).strict(),
    output: packStepResultSchema,
    access: packingRoles,
  },
  /** The parcel is closed: a number from the station's block, `order.packed`, and the shipping label printed. */
  'packing.label': {
    input: orderInput.extend({ service: z.enum(parcelServices), timeSlot: z.enum(sagawaTimeSlots).nullable() }).strict(),
    output: packLabelResultSchema,
    access: packingRoles,
  },
  /** The label scanned on the way out: it must be the order's number; then the order is in transit. */
  'packing.ship': { input: orderInput.extend({ code: z.string().min(1).max(64) }).strict(), output: packStepResultSchema, access: packingRoles },
  /** A spoiled label: its number is void for ever and the order can be labelled again. */
  'packing.void': { input: orderInput.extend({ reason: z.string().trim().min(1).max(200) }).strict(), output: packStepResultSchema, access: packingRoles },
  /** The end-of-day manifest of a Tokyo day (today by default): per service, the parcels handed over, with counts. */
  'manifest.day': { input: manifestDayInputSchema, output: manifestDaySchema, access: packingRoles },
  /** One service's manifest as an A4 PDF, kept in the station's data folder and sent to the station's document printer. */
  'manifest.print': { input: manifestPrintInputSchema, output: manifestPrintResultSchema, access: packingRoles },
  /** 日次集計: the hub's figures for a Tokyo day and branch; with the hub away the last ones kept here, marked stale. */
  'dailyCounts.day': { input: dailyCountsInputSchema, output: dailyCountsAnswerSchema, access: ['supervisor', 'admin'] },
  /** The rows behind one figure of the day (kept too, for the hub away). */
  'dailyCounts.list': { input: dailyCountListInputSchema, output: dailyCountListAnswerSchema, access: ['supervisor', 'admin'] },
  /** The day as an .xlsx file in the station's reports folder. */
  'dailyCounts.export': { input: dailyCountsInputSchema, output: dailyCountsFileSchema, access: ['supervisor', 'admin'] },
  /** The day as an A4 report (PDF, Japanese) kept in the reports folder and sent to the document printer. */
  'dailyCounts.print': { input: dailyCountsInputSchema, output: dailyCountsPrintSchema, access: ['supervisor', 'admin'] },
  'inspection.setBlind': { input: z.object({ blind: z.boolean() }).strict(), output: z.object({ blind: z.boolean() }), access: ['supervisor', 'admin'] },
  /** Today's pick lists made by the hub (so it must be reachable) from the branch's due orders; the new lists and the held orders. */
  'picking.make': { input: z.object({ ordersPerList: z.int().min(1).max(200).optional() }).strict(), output: pickMakeResultSchema, access: packingRoles },
  /** This branch's pick lists the station has (today's, and older ones not finished), with how far each is. */
  'picking.lists': { input: emptyInput, output: z.array(pickListSummarySchema), access: packingRoles },
  /** A pick list by its id (scanned or chosen): its lines in bin order with picked / expected units. */
  'picking.open': { input: z.object({ code: z.string().min(1).max(256) }).strict(), output: pickOpenResultSchema, access: packingRoles },
  /** One unit (SKU label, JAN, seller SKU code) picked for the list, or a bin label; an item not on the list or extra is refused. */
  'picking.scan': {
    input: z.object({ pickListId: z.string().regex(/^PL\d{8}$/), code: z.string().min(1).max(256) }).strict(),
    output: pickScanResultSchema,
    access: packingRoles,
  },
  /** The list on A4 paper (bin order, its id as a Code 128 on every page), kept as a PDF and sent to the document printer. */
  'picking.print': { input: pickPrintInputSchema, output: pickPrintResultSchema, access: packingRoles },
  /** Putaway: a SKU (label, JAN, seller SKU code) is held; a bin label then places it (`sku.located`, durable first). */
  'putaway.scan': { input: z.object({ code: z.string().min(1).max(256) }).strict(), output: putawayStepSchema, access: putawayRoles },
  /** The SKU this window holds and waits to place, if any. */
  'putaway.pending': { input: emptyInput, output: putawayItemSchema.nullable(), access: putawayRoles },
  /** Puts the held SKU down without placing it. */
  'putaway.clear': { input: emptyInput, output: z.object({ cleared: z.boolean() }), access: putawayRoles },
  /** Where a SKU (label, JAN or seller SKU code) is shelved at this branch, as the station knows it; null if unknown. */
  'putaway.location': { input: z.object({ sku: z.string().min(1).max(256) }).strict(), output: putawayItemSchema.nullable(), access: putawayRoles },
  /** Cycle count (棚卸): a bin label or SKU with its book (hub balance, this station's events laid over, picks taken off). */
  'stockCount.open': { input: z.object({ code: z.string().min(1).max(256) }).strict(), output: stockCountTargetSchema, access: ['supervisor', 'admin'] },
  /** What a scanned code is (a bin, a SKU, or neither), without the book: one unit scanned while counting. */
  'stockCount.resolve': { input: z.object({ code: z.string().min(1).max(256) }).strict(), output: stockCountCodeSchema, access: ['supervisor', 'admin'] },
  /** A count with its reason (and a second supervisor's badge above the threshold): `stock.counted`, durable first. */
  'stockCount.confirm': { input: stockCountConfirmInputSchema, output: stockCountConfirmResultSchema, access: ['supervisor', 'admin'] },
  /** Units of variance above which this station asks for a second supervisor's badge. */
  'stockCount.threshold': { input: emptyInput, output: z.object({ secondBadgeAbove: z.int().nonnegative() }), access: ['supervisor', 'admin'] },
  /** An admin sets it (a supervisor raising it would skip the second badge; the hub checks its own threshold anyway). */
  'stockCount.setThreshold': {
    input: z.object({ secondBadgeAbove: z.int().min(0).max(100_000) }).strict(),
    output: z.object({ secondBadgeAbove: z.int().nonnegative() }),
    access: ['admin'],
  },
  /** This station's counts, newest first, with what the hub said of each. */
  'stockCount.recent': {
    input: z.object({ limit: z.int().min(1).max(500).default(50) }).strict(),
    output: z.array(stockCountRecordSchema),
    access: ['supervisor', 'admin'],
  },
} as const satisfies Record<string, MethodSpec>;

export type StationMethods = typeof stationMethods;
export type MethodName = keyof StationMethods;
/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<StationMethods[M]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<M extends MethodName> = z.output<StationMethods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<StationMethods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(stationMethods, name);
}

/** Events the station pushes to every window that listens. */
export const stationEvents = {
  scan: scanSchema,
  'scanner.connected': scannerDeviceSchema,
  'scanner.disconnected': scannerDeviceSchema,
  'print.job': printJobStatusSchema,
  'hub.status': hubStatusSchema,
  'hub.embedded': embeddedHubStatusSchema,
  'outbox.depth': z.object({ depth: z.int().nonnegative() }),
  /** The hub's clock minus this station's moved or crossed the warning threshold (stationStatus.clockOffsetMs). */
  'clock.offset': z.object({ offsetMs: z.number().nullable() }),
} as const satisfies Record<string, z.ZodType>;

export type StationEvents = typeof stationEvents;
export type EventName = keyof StationEvents;
export type EventPayload<E extends EventName> = z.output<StationEvents[E]>;
export type AnyStationEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
