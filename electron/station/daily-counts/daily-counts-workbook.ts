import ExcelJS from 'exceljs';
import { formatDateTime } from '../../../shared/domain/display-time';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { discrepancyNamesJa, figureNamesJa, orderStateJa, reasonJa, serviceJa, sourceJa } from './daily-counts-words-ja';

export const dailyCountsSheetNames = { inbound: '入荷', outbound: '出荷', floor: '現場', byHour: '時間帯別', lastDays: '直近14日' } as const;

type Cell = string | number | null;

/**
 * The day as an .xlsx workbook with Japanese headings: one sheet per part of the screen (入荷, 出荷, 現場 with the
 * stations and the people, 時間帯別, 直近14日). Each sheet starts with the day, the branch and when the hub gave the
 * figures, so a printed sheet still says what it is (and that it is a kept copy, when the hub was away).
 */
export async function buildDailyCountsWorkbook(counts: DailyCountsView, meta: { stale: boolean; stationId: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'QWMS Floor';
  const header = (sheet: ExcelJS.Worksheet, title: string) => {
    sheet.addRow([`日次集計 — ${title}`]).font = { bold: true, size: 14 };
    sheet.addRow(['日付', counts.date, '拠点', counts.branchCode ?? '全拠点', 'ステーション', meta.stationId]);
    sheet.addRow(['集計時刻', formatDateTime(counts.asOf, 'ja'), meta.stale ? 'ハブに接続できないため、前回取得した数値です' : '']);
    sheet.addRow([]);
  };
  const table = (sheet: ExcelJS.Worksheet, headings: readonly string[], rows: readonly (readonly Cell[])[]) => {
    sheet.addRow([...headings]).font = { bold: true };
    for (const row of rows) sheet.addRow([...row]);
    sheet.addRow([]);
  };
  const { inbound, outbound } = counts;

  const inboundSheet = workbook.addWorksheet(dailyCountsSheetNames.inbound);
  header(inboundSheet, '入荷');
  table(
    inboundSheet,
    ['項目', '件数'],
    [
      [figureNamesJa.bundlesArrived, inbound.bundlesArrived],
      [figureNamesJa.bundlesInspected, inbound.bundlesInspected],
      [figureNamesJa.bundlesCompleted, inbound.bundlesCompleted],
      [figureNamesJa.bundlesHeld, inbound.bundlesHeld.length],
      [figureNamesJa.bundlesRejected, inbound.bundlesRejected],
      [figureNamesJa.unitsCounted, inbound.unitsCounted],
      ...(Object.keys(discrepancyNamesJa) as (keyof typeof discrepancyNamesJa)[]).map((kind): Cell[] => [
        `差異（${discrepancyNamesJa[kind]}）`,
        inbound.discrepancies[kind],
      ]),
      [figureNamesJa.lateBundles, inbound.lateBundles.length],
      [figureNamesJa.dueToday, inbound.dueToday.length],
    ],
  );
  table(
    inboundSheet,
    ['保留中の入庫', '出品者', '理由'],
    inbound.bundlesHeld.map((held) => [held.bundleId, held.sellerId, reasonJa(held.reason)]),
  );
  table(
    inboundSheet,
    ['期限超過の入庫', '出品者', '入荷日時', '期限'],
    inbound.lateBundles.map((bundle) => [bundle.bundleId, bundle.sellerId, formatDateTime(bundle.arrivedAt, 'ja'), formatDateTime(bundle.deadline, 'ja')]),
  );
  table(
    inboundSheet,
    ['今日が期限の入庫', '出品者', '入荷日時', '期限'],
    inbound.dueToday.map((bundle) => [bundle.bundleId, bundle.sellerId, formatDateTime(bundle.arrivedAt, 'ja'), formatDateTime(bundle.deadline, 'ja')]),
  );

  const outboundSheet = workbook.addWorksheet(dailyCountsSheetNames.outbound);
  header(outboundSheet, '出荷');
  table(
    outboundSheet,
    ['項目', '件数'],
    [
      [figureNamesJa.ordersPaid, outbound.ordersPaid],
      [figureNamesJa.ordersAllocated, outbound.ordersAllocated],
      [figureNamesJa.waiting, outbound.waiting.reduce((sum, group) => sum + group.orders, 0)],
      [figureNamesJa.ordersPicked, outbound.ordersPicked],
      [figureNamesJa.ordersPacked, outbound.ordersPacked],
      [figureNamesJa.ordersShipped, outbound.shippedByService.reduce((sum, group) => sum + group.orders, 0)],
      [figureNamesJa.dueNotShipped, outbound.dueNotShipped.length],
    ],
  );
  table(
    outboundSheet,
    ['引当待ちの理由', '注文数'],
    outbound.waiting.map((group) => [reasonJa(group.reason), group.orders]),
  );
  table(
    outboundSheet,
    ['配送サービス', '注文数', '個口数'],
    outbound.shippedByService.map((group) => [serviceJa(group.service), group.orders, group.parcels]),
  );
  table(
    outboundSheet,
    ['締め切りまでに未出荷', '注文番号', '出品者', '販売先', '状態', '締め切り'],
    outbound.dueNotShipped.map((order) => [
      order.orderId,
      order.orderNo,
      order.sellerId,
      sourceJa(order.source),
      orderStateJa(order.state),
      formatDateTime(order.cutoff, 'ja'),
    ]),
  );

  const floorSheet = workbook.addWorksheet(dailyCountsSheetNames.floor);
  header(floorSheet, '現場');
  table(
    floorSheet,
    ['ステーション', '名前', '拠点', '送信待ちイベント', '印刷の問題', 'ハブとの最終通信'],
    counts.stations.map((station) => [
      station.stationId,
      station.name,
      station.branchCode,
      station.outboxWaiting,
      station.printProblems,
      station.lastContactAt ? formatDateTime(station.lastContactAt, 'ja') : '',
    ]),
  );
  table(
    floorSheet,
    ['担当者', '検品数量', 'ピッキング点数', '梱包個口数'],
    counts.people.map((person) => [person.name, person.unitsCounted, person.itemsPicked, person.parcelsPacked]),
  );

  const byHourSheet = workbook.addWorksheet(dailyCountsSheetNames.byHour);
  header(byHourSheet, '時間帯別');
  table(
    byHourSheet,
    ['時間帯', '検品数量', 'ピッキング点数', '出荷個口数'],
    counts.byHour.map((hour) => [`${String(hour.hour).padStart(2, '0')}:00`, hour.unitsCounted, hour.itemsPicked, hour.parcelsShipped]),
  );

  const lastDaysSheet = workbook.addWorksheet(dailyCountsSheetNames.lastDays);
  header(lastDaysSheet, '直近14日');
  table(
    lastDaysSheet,
    ['日付', '入荷', '出荷', '遅延'],
    counts.lastDays.map((day) => [day.date, day.received, day.shipped, day.late]),
  );

  for (const sheet of workbook.worksheets) sheet.columns.forEach((column) => (column.width = 22));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
