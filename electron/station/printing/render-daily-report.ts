import PDFDocument from 'pdfkit';
import { formatDateTime, formatDay } from '../../../shared/domain/display-time';
import { branchNames } from '../../../shared/domain/identifiers';
import type { DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { labelFont } from './label-font';
import { collect } from './render-pdf';
import { mmToPt } from './units';
import { discrepancyNamesJa, figureNamesJa, orderStateJa, reasonJa, serviceJa, sourceJa } from '../daily-counts/daily-counts-words-ja';

const fontName = 'daily-report';
const marginPt = mmToPt(15);
const rightPt = mmToPt(210 - 15);
const bottomPt = mmToPt(297 - 15);
const widthPt = rightPt - marginPt;
const bodySizePt = 9;
const paddingPt = 3;
/** Lists (late bundles, orders at risk) print this many rows; the rest is in the .xlsx and on the screen. */
const listRows = 30;

interface Column {
  caption: string;
  /** Share of the width between the margins. */
  share: number;
  align?: 'left' | 'right';
}

/**
 * The supervisor's day on A4 (日次集計レポート), in Japanese: the inbound and outbound figures with what is at risk
 * (bundles past or at their 3-day limit, orders due by the cut-off not yet shipped), the floor (stations and people),
 * the day by hour and the last 14 days. Tables run onto further pages with their captions repeated. A report made from
 * kept figures (the hub away) says so under the title.
 */
export function renderDailyReportPdf(counts: DailyCountsView, meta: { stale: boolean; stationId: string; printedAt: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: marginPt, info: { Title: `日次集計レポート ${counts.date}`, Producer: 'QWMS Floor' } });
  doc.registerFont(fontName, labelFont().file);
  doc.font(fontName);
  const done = collect(doc);

  const ensure = (heightPt: number) => {
    if (doc.y + heightPt > bottomPt) {
      doc.addPage();
      doc.y = marginPt;
    }
  };
  const heading = (text: string) => {
    ensure(40);
    doc.moveDown(0.6);
    doc.fontSize(12).text(text, marginPt, doc.y);
    doc.moveDown(0.2);
    doc.fontSize(bodySizePt);
  };
  const table = (columns: readonly Column[], rows: readonly (readonly (string | number)[])[]) => {
    const lefts: number[] = [];
    let x = marginPt;
    for (const column of columns) {
      lefts.push(x);
      x += column.share * widthPt;
    }
    const draw = (cells: readonly (string | number)[]) => {
      const texts = cells.map(String);
      const height = Math.max(...texts.map((text, index) => doc.heightOfString(text, { width: columns[index]!.share * widthPt - paddingPt }))) + paddingPt;
      const y = doc.y;
      texts.forEach((text, index) =>
        doc.text(text, lefts[index]!, y, { width: columns[index]!.share * widthPt - paddingPt, align: columns[index]!.align ?? 'left' }),
      );
      doc.y = y + height;
      return height;
    };
    const captions = () => {
      draw(columns.map((column) => column.caption));
      doc.moveTo(marginPt, doc.y).lineTo(rightPt, doc.y).lineWidth(0.5).stroke();
      doc.y += 2;
    };
    doc.fontSize(bodySizePt);
    ensure(40);
    captions();
    for (const row of rows) {
      if (doc.y + 2 * bodySizePt + paddingPt > bottomPt) {
        doc.addPage();
        doc.y = marginPt;
        captions();
      }
      draw(row);
    }
    if (rows.length === 0) doc.fillColor('#555555').text('（なし）', marginPt, doc.y).fillColor('black');
  };
  const limited = <T>(rows: readonly T[]): T[] => rows.slice(0, listRows);
  const more = (total: number) => {
    if (total > listRows) doc.fontSize(bodySizePt).text(`ほか ${total - listRows} 件（Excel 出力と画面で確認できます）`, marginPt, doc.y);
  };
  const count = { caption: '件数', share: 0.25, align: 'right' } as const;
  const { inbound, outbound } = counts;

  const branch = counts.branchCode ? `${branchNames[counts.branchCode] ?? counts.branchCode}（${counts.branchCode}）` : '全拠点';
  doc.fontSize(18).text(`日次集計レポート — ${formatDay(counts.date, 'ja')}`, marginPt, marginPt);
  doc.fontSize(10).moveDown(0.3).text(`拠点: ${branch}    ステーション: ${meta.stationId}`);
  doc.text(`集計時刻: ${formatDateTime(counts.asOf, 'ja')}    印刷: ${formatDateTime(meta.printedAt, 'ja')}`);
  if (meta.stale) doc.fillColor('#b00000').text('ハブに接続できないため、前回取得した数値です（集計時刻の時点）。').fillColor('black');

  heading('入荷');
  table(
    [{ caption: '項目', share: 0.75 }, count],
    [
      [figureNamesJa.bundlesArrived, inbound.bundlesArrived],
      [figureNamesJa.bundlesInspected, inbound.bundlesInspected],
      [figureNamesJa.bundlesCompleted, inbound.bundlesCompleted],
      [figureNamesJa.bundlesHeld, inbound.bundlesHeld.length],
      [figureNamesJa.bundlesRejected, inbound.bundlesRejected],
      [figureNamesJa.unitsCounted, inbound.unitsCounted],
      ...(Object.keys(discrepancyNamesJa) as (keyof typeof discrepancyNamesJa)[]).map((kind) => [
        `差異（${discrepancyNamesJa[kind]}）`,
        inbound.discrepancies[kind],
      ]),
      [figureNamesJa.lateBundles, inbound.lateBundles.length],
      [figureNamesJa.dueToday, inbound.dueToday.length],
    ],
  );
  if (inbound.bundlesHeld.length > 0) {
    heading('保留中の入庫');
    table(
      [
        { caption: '入庫', share: 0.35 },
        { caption: '出品者', share: 0.3 },
        { caption: '理由', share: 0.35 },
      ],
      limited(inbound.bundlesHeld).map((held) => [held.bundleId, held.sellerId, reasonJa(held.reason)]),
    );
    more(inbound.bundlesHeld.length);
  }
  const deadlineColumns: Column[] = [
    { caption: '入庫', share: 0.3 },
    { caption: '出品者', share: 0.24 },
    { caption: '入荷日時', share: 0.23 },
    { caption: '期限', share: 0.23 },
  ];
  heading(`${figureNamesJa.lateBundles}（${inbound.lateBundles.length} 件）`);
  table(
    deadlineColumns,
    limited(inbound.lateBundles).map((bundle) => [
      bundle.bundleId,
      bundle.sellerId,
      formatDateTime(bundle.arrivedAt, 'ja'),
      formatDateTime(bundle.deadline, 'ja'),
    ]),
  );
  more(inbound.lateBundles.length);
  heading(`${figureNamesJa.dueToday}（${inbound.dueToday.length} 件）`);
  table(
    deadlineColumns,
    limited(inbound.dueToday).map((bundle) => [
      bundle.bundleId,
      bundle.sellerId,
      formatDateTime(bundle.arrivedAt, 'ja'),
      formatDateTime(bundle.deadline, 'ja'),
    ]),
  );
  more(inbound.dueToday.length);

  heading('出荷');
  table(
    [{ caption: '項目', share: 0.75 }, count],
    [
      [figureNamesJa.ordersPaid, outbound.ordersPaid],
      [figureNamesJa.ordersAllocated, outbound.ordersAllocated],
      ...outbound.waiting.map((group) => [`${figureNamesJa.waiting}（${reasonJa(group.reason)}）`, group.orders]),
      [figureNamesJa.ordersPicked, outbound.ordersPicked],
      [figureNamesJa.ordersPacked, outbound.ordersPacked],
      ...outbound.shippedByService.map((group) => [`${figureNamesJa.ordersShipped}（${serviceJa(group.service)}、${group.parcels} 個口）`, group.orders]),
      [figureNamesJa.dueNotShipped, outbound.dueNotShipped.length],
    ],
  );
  heading(`${figureNamesJa.dueNotShipped}（${outbound.dueNotShipped.length} 件）`);
  table(
    [
      { caption: '注文番号', share: 0.24 },
      { caption: '出品者', share: 0.22 },
      { caption: '販売先', share: 0.14 },
      { caption: '状態', share: 0.17 },
      { caption: '締め切り', share: 0.23 },
    ],
    limited(outbound.dueNotShipped).map((order) => [
      order.orderNo,
      order.sellerId,
      sourceJa(order.source),
      orderStateJa(order.state),
      formatDateTime(order.cutoff, 'ja'),
    ]),
  );
  more(outbound.dueNotShipped.length);

  heading('現場 — ステーション');
  table(
    [
      { caption: 'ステーション', share: 0.3 },
      { caption: '送信待ち', share: 0.17, align: 'right' },
      { caption: '印刷の問題', share: 0.17, align: 'right' },
      { caption: 'ハブとの最終通信', share: 0.36 },
    ],
    counts.stations.map((station) => [
      `${station.name}（${station.stationId}）`,
      station.outboxWaiting ?? '—',
      station.printProblems ?? '—',
      station.lastContactAt ? formatDateTime(station.lastContactAt, 'ja') : '—',
    ]),
  );
  heading('現場 — 担当者');
  table(
    [
      { caption: '担当者', share: 0.4 },
      { caption: '検品数量', share: 0.2, align: 'right' },
      { caption: 'ピッキング点数', share: 0.2, align: 'right' },
      { caption: '梱包個口数', share: 0.2, align: 'right' },
    ],
    counts.people.map((person) => [person.name, person.unitsCounted, person.itemsPicked, person.parcelsPacked]),
  );

  heading('時間帯別');
  const active = counts.byHour.filter((hour) => hour.unitsCounted + hour.itemsPicked + hour.parcelsShipped > 0);
  table(
    [
      { caption: '時間帯', share: 0.25 },
      { caption: '検品数量', share: 0.25, align: 'right' },
      { caption: 'ピッキング点数', share: 0.25, align: 'right' },
      { caption: '出荷個口数', share: 0.25, align: 'right' },
    ],
    active.map((hour) => [
      `${String(hour.hour).padStart(2, '0')}:00–${String(hour.hour).padStart(2, '0')}:59`,
      hour.unitsCounted,
      hour.itemsPicked,
      hour.parcelsShipped,
    ]),
  );

  heading('直近14日');
  table(
    [
      { caption: '日付', share: 0.4 },
      { caption: '入荷', share: 0.2, align: 'right' },
      { caption: '出荷', share: 0.2, align: 'right' },
      { caption: '遅延', share: 0.2, align: 'right' },
    ],
    counts.lastDays.map((day) => [formatDay(day.date, 'ja'), day.received, day.shipped, day.late]),
  );

  doc.end();
  return done;
}
