import type { DailyCountFigure } from '../../../shared/hub/routes/daily-counts';

/**
 * The Japanese words of the exported day (.xlsx headings and the A4 report): the files are the warehouse's record
 * and are read by Japanese staff and by Qxpress, whatever language the screen was in when they were made.
 */
export const figureNamesJa: Readonly<Record<DailyCountFigure, string>> = {
  bundlesArrived: '入荷した入庫',
  bundlesInspected: '検品を始めた入庫',
  bundlesCompleted: '検品完了した入庫',
  bundlesHeld: '保留中の入庫',
  bundlesRejected: '受け取り拒否した入庫',
  unitsCounted: '検品で数えた数量',
  discrepancies: '差異',
  lateBundles: '期限（3日）を過ぎた入庫',
  dueToday: '今日が期限の入庫',
  ordersPaid: '入金済みの注文',
  ordersAllocated: '引当済みの注文',
  waiting: '引当待ちの注文',
  ordersPicked: 'ピッキング済みの注文',
  ordersPacked: '梱包済みの注文',
  ordersShipped: '出荷した注文',
  dueNotShipped: '締め切りまでに未出荷の注文',
};

export const discrepancyNamesJa = { short: '不足', over: '過剰', unknown: '不明品', damaged: '破損' } as const;

/** The allocator's reasons (shared/domain/allocation.ts) and the hub's hold reasons; an unknown one is shown as is. */
export const reasonNamesJa: Readonly<Record<string, string>> = {
  'not-linked': '商品が未連携',
  'out-of-stock': '在庫不足',
  'cart-incomplete': 'カートの商品がそろっていない',
  'seller-suspended': '出品者の出荷停止中',
  'already-allocated': '別の拠点で引当済み',
  'not-due': 'まだ出荷日ではない',
  held: '注文が保留中',
  'allocated-later': '翌日以降に引当済み',
  'insufficient-balance': 'Q-cash 残高不足',
  'fee-needs-quote': '手数料の見積もりが必要',
};

export function reasonJa(reason: string): string {
  return reasonNamesJa[reason] ?? reason;
}

const serviceNamesJa: Readonly<Record<string, string>> = { nekopos: 'ネコポス', yamato: 'ヤマト宅急便', sagawa: '佐川急便' };

export function serviceJa(service: string): string {
  return serviceNamesJa[service] ?? service;
}

export const orderStateNamesJa: Readonly<Record<string, string>> = {
  paid: '入金済み',
  allocated: '引当済み',
  picked: 'ピッキング済み',
  packed: '梱包済み',
  in_transit: '出荷済み',
  held: '保留中',
};

export function orderStateJa(state: string): string {
  return orderStateNamesJa[state] ?? state;
}

/** Where an order came from: Qoo10, or another platform's shipment (管理番号). */
const sourceNamesJa: Readonly<Record<string, string>> = { qoo10: 'Qoo10', management: '他プラットフォーム' };

export function sourceJa(source: string): string {
  return sourceNamesJa[source] ?? source;
}
