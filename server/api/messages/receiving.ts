import type { MessageCatalog } from './catalog';

/** Receiving and quantity inspection on the floor: what the hub tells a clerk whose scan it could not take. */
export const receivingMessages: MessageCatalog = {
  'inspection-not-open': {
    ja: '入庫バンドル {id} は検品中ではありません（状態: {state}）。入荷済みのバンドルだけを検品できます。',
    en: 'Cargo bundle {id} is not open for inspection (state: {state}). Only an arrived bundle can be inspected.',
    'zh-CN': '入库包裹 {id} 不在检品中（状态：{state}），只能检品已到货的包裹。',
    ko: '입고 번들 {id}은(는) 검품 중이 아닙니다 (상태: {state}). 입하된 번들만 검품할 수 있습니다.',
  },
  'negative-count': {
    ja: '入庫明細 {id}（SKU {sku}）の検品数は 0 未満にできません（検品数 {counted}、変更 {quantity}）。',
    en: 'The count of inbound line {id} (SKU {sku}) cannot go below zero (counted {counted}, change {quantity}).',
    'zh-CN': '入库明细 {id}（SKU {sku}）的检品数不能小于 0（已检 {counted}，变动 {quantity}）。',
    ko: '입고 명세 {id} (SKU {sku})의 검품 수는 0 미만이 될 수 없습니다 (검품 수 {counted}, 변경 {quantity}).',
  },
};
