import type { MessageCatalog } from './catalog';

/** Orders, allocation, tracking numbers and the daily counts. */
export const orderMessages: MessageCatalog = {
  'order-lines-refused': {
    ja: '{count} 行に誤りがあるため、1 行も登録していません: {lines}',
    en: 'Nothing was registered: {count} line(s) have problems: {lines}',
    'zh-CN': '有 {count} 行有误，全部未登记：{lines}',
    ko: '{count}개 행에 오류가 있어 아무것도 등록하지 않았습니다: {lines}',
  },
  'already-allocated': {
    ja: '注文 {orderNo} はすでに拠点 {branch} に割り当て済みです。',
    en: 'Order {orderNo} is already allocated to branch {branch}.',
    'zh-CN': '订单 {orderNo} 已分配到分店 {branch}。',
    ko: '주문 {orderNo}은(는) 이미 거점 {branch}에 할당되어 있습니다.',
  },
  'order-not-open': {
    ja: '注文 {orderNo} は現在の状態（{state}）では割り当てを変更できません。',
    en: 'Order {orderNo} cannot be allocated in its current state ({state}).',
    'zh-CN': '订单 {orderNo} 当前状态（{state}）下不能更改分配。',
    ko: '주문 {orderNo}은(는) 현재 상태({state})에서는 할당을 변경할 수 없습니다.',
  },
  'not-allocated': {
    ja: '注文 {orderNo} は割り当てられていません。',
    en: 'Order {orderNo} is not allocated.',
    'zh-CN': '订单 {orderNo} 尚未分配。',
    ko: '주문 {orderNo}은(는) 할당되어 있지 않습니다.',
  },
  'too-late-to-unallocate': {
    ja: '注文 {orderNo} は梱包以降の状態（{state}）のため、割り当てを取り消せません。',
    en: 'Order {orderNo} is already past packing ({state}); its allocation can no longer be undone.',
    'zh-CN': '订单 {orderNo} 已进入打包之后的状态（{state}），不能取消分配。',
    ko: '주문 {orderNo}은(는) 이미 포장 이후 상태({state})라서 할당을 취소할 수 없습니다.',
  },
  'not-linked': {
    ja: '注文 {orderNo} の商品オプションが在庫（SKU）に連携されていないため、割り当てできません。',
    en: 'Order {orderNo} cannot be allocated: its product option is not linked to a SKU.',
    'zh-CN': '订单 {orderNo} 的商品选项未关联库存（SKU），无法分配。',
    ko: '주문 {orderNo}의 상품 옵션이 재고(SKU)에 연동되어 있지 않아 할당할 수 없습니다.',
  },
  'out-of-stock': {
    ja: '拠点 {branch} に注文 {orderNo} の在庫が足りません。',
    en: 'Branch {branch} does not have the stock for order {orderNo}.',
    'zh-CN': '分店 {branch} 没有订单 {orderNo} 所需的库存。',
    ko: '거점 {branch}에 주문 {orderNo}의 재고가 부족합니다.',
  },
  'cart-incomplete': {
    ja: 'カート {cartNo} のほかの商品が揃わないため、注文 {orderNo} は割り当てできません。',
    en: 'Order {orderNo} cannot be allocated: other items of cart {cartNo} are not available.',
    'zh-CN': '购物车 {cartNo} 中的其他商品不齐，订单 {orderNo} 无法分配。',
    ko: '장바구니 {cartNo}의 다른 상품이 갖춰지지 않아 주문 {orderNo}을(를) 할당할 수 없습니다.',
  },
  'seller-suspended': {
    ja: 'セラー {sellerId} は出荷停止中のため、注文 {orderNo} は割り当てできません。',
    en: 'Order {orderNo} cannot be allocated: shipping is paused for seller {sellerId}.',
    'zh-CN': '卖家 {sellerId} 已暂停发货，订单 {orderNo} 无法分配。',
    ko: '셀러 {sellerId}의 출고가 정지되어 주문 {orderNo}을(를) 할당할 수 없습니다.',
  },
  'cart-at-other-branch': {
    ja: 'カート {cartNo} のほかの注文は拠点 {branch} に割り当て済みです。カートは 1 つの拠点から出荷します。',
    en: 'Other orders of cart {cartNo} are allocated to branch {branch}; a cart ships from one branch.',
    'zh-CN': '购物车 {cartNo} 的其他订单已分配到分店 {branch}，一个购物车只能从一个分店发货。',
    ko: '장바구니 {cartNo}의 다른 주문은 거점 {branch}에 할당되어 있습니다. 장바구니는 한 거점에서 출고합니다.',
  },
  'tracking-serials-exhausted': {
    ja: '追跡番号の残りが足りません（要求 {count} 件）。管理者に連絡してください。',
    en: 'Not enough tracking numbers are left ({count} asked for). Please contact the administrator.',
    'zh-CN': '剩余的追踪号码不足（请求 {count} 个），请联系管理员。',
    ko: '남은 송장 번호가 부족합니다({count}건 요청). 관리자에게 문의하세요.',
  },
  'station-needed': {
    ja: '追跡番号を渡す端末（stationId）を指定してください。',
    en: 'Name the station (stationId) the tracking numbers are for.',
    'zh-CN': '请指定领取追踪号码的工作站（stationId）。',
    ko: '송장 번호를 받을 스테이션(stationId)을 지정하세요.',
  },
};
