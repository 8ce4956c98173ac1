import type { MessageCatalog } from './catalog';

/** Receiving and quantity inspection on the floor: what the hub tells a clerk whose scan it could not take. */
export const receivingMessages: MessageCatalog = {
  'inspection-not-open': {
    ja: '入庫バンドル {id} は検品中ではありません（状態: {state}）。入荷済みのバンドルだけを検品できます。',
    en: 'Cargo bundle {id} is not open for inspection (state: {state}). Only an arrived bundle can be inspected.',
    'zh-CN': '入库包裹 {id} 不在检品中（状态：{state}），只能检品已到货的包裹。',
    ko: '입고 번들 {id}은(는) 검품 중이 아닙니다 (상태: {state}). 입하된 번들만 검품할 수 있습니다.',
  },
  'finding-not-recorded': {
    ja: '入庫バンドル {id} では、取り消す「{code}」の記録がありません（記録 {found}、取消 {quantity}）。',
    en: 'Cargo bundle {id} has no find of "{code}" left to take back (found {found}, change {quantity}).',
    'zh-CN': '入库包裹 {id} 没有可撤销的“{code}”记录（已记录 {found}，撤销 {quantity}）。',
    ko: '입고 번들 {id}에는 취소할 "{code}" 기록이 없습니다 (기록 {found}, 취소 {quantity}).',
  },
  'negative-count': {
    ja: '入庫明細 {id}（SKU {sku}）の検品数は 0 未満にできません（検品数 {counted}、変更 {quantity}）。',
    en: 'The count of inbound line {id} (SKU {sku}) cannot go below zero (counted {counted}, change {quantity}).',
    'zh-CN': '入库明细 {id}（SKU {sku}）的检品数不能小于 0（已检 {counted}，变动 {quantity}）。',
    ko: '입고 명세 {id} (SKU {sku})의 검품 수는 0 미만이 될 수 없습니다 (검품 수 {counted}, 변경 {quantity}).',
  },
};
