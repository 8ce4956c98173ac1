/**
 * The hub's Excel import and export: the options, inbound and other-platform shipments templates of the QWMS
 * manual, read in English, Japanese or Chinese headers and checked whole, every problem reported in the user's
 * language. Node only (exceljs).
 */
export { buildTemplate } from './build-template';
export type { RowError } from './finding';
export { excelErrorCodes, excelMessage, excelMessages, type ExcelErrorCode } from './messages';
export { parseWorkbookOffThread } from './parse-off-thread';
export { defaultMaxBytes, defaultMaxRows, maxReportedProblems, parseWorkbook, type ParseOptions, type ParseResult } from './parse-workbook';
export { templateKinds, type AxisValue, type TemplateKind } from './template-definition';
export type { InboundRow, OptionRow, ShipmentRow, TemplateRows } from './templates';
export type { DeliveryMethod, QwmsBranch, ShippingCountry } from './templates/shipment-choices';
