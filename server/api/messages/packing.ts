import type { MessageCatalog } from './catalog';

/** Picking, packing, labels and the scan out on the floor: what the hub tells a packer whose scan it could not take. */
export const packingMessages: MessageCatalog = {
  'order-at-other-branch': {
    ja: '注文 {orderNo} は拠点 {branch} の注文です。この拠点では扱えません。',
    en: 'Order {orderNo} belongs to branch {branch}; it cannot be handled here.',
    'zh-CN': '订单 {orderNo} 属于分店 {branch}，本分店不能处理。',
    ko: '주문 {orderNo}은(는) 거점 {branch}의 주문이라 이 거점에서는 처리할 수 없습니다.',
  },
  'already-in-transit': {
    ja: '注文 {orderNo} はすでに出荷済み（運送中、追跡番号 {trackingNo}）です。',
    en: 'Order {orderNo} has already shipped (in transit, tracking no. {trackingNo}).',
    'zh-CN': '订单 {orderNo} 已发货（运送中，运单号 {trackingNo}）。',
    ko: '주문 {orderNo}은(는) 이미 출고되었습니다 (운송 중, 송장번호 {trackingNo}).',
  },
  'order-not-pickable': {
    ja: '注文 {orderNo} はピッキングできません（状態: {state}）。割り当て済みの注文だけをピッキングできます。',
    en: 'Order {orderNo} cannot be picked (state: {state}). Only an allocated order can be picked.',
    'zh-CN': '订单 {orderNo} 不能拣货（状态：{state}），只能拣已分配的订单。',
    ko: '주문 {orderNo}은(는) 피킹할 수 없습니다 (상태: {state}). 할당된 주문만 피킹할 수 있습니다.',
  },
  'order-not-packable': {
    ja: '注文 {orderNo} は梱包できません（状態: {state}）。ピッキング済みの注文だけを梱包できます。',
    en: 'Order {orderNo} cannot be packed (state: {state}). Only a picked order can be packed.',
    'zh-CN': '订单 {orderNo} 不能打包（状态：{state}），只能打包已拣货的订单。',
    ko: '주문 {orderNo}은(는) 포장할 수 없습니다 (상태: {state}). 피킹된 주문만 포장할 수 있습니다.',
  },
  'order-not-packed': {
    ja: '注文 {orderNo} は梱包済みではありません（状態: {state}）。送り状が貼られた注文だけを出荷・無効化できます。',
    en: 'Order {orderNo} is not packed (state: {state}). Only a labelled parcel can be shipped or have its label voided.',
    'zh-CN': '订单 {orderNo} 尚未打包（状态：{state}），只有贴了面单的包裹才能发货或作废面单。',
    ko: '주문 {orderNo}은(는) 포장되지 않았습니다 (상태: {state}). 송장이 붙은 소포만 출고하거나 송장을 무효화할 수 있습니다.',
  },
  'pick-mismatch': {
    ja: '注文 {orderNo} のピッキングが一致しません: SKU {sku} × {quantity}（注文は SKU {expectedSku} × {expectedQuantity}）。',
    en: 'The pick does not match order {orderNo}: SKU {sku} × {quantity} (the order is SKU {expectedSku} × {expectedQuantity}).',
    'zh-CN': '订单 {orderNo} 的拣货不一致：SKU {sku} × {quantity}（订单为 SKU {expectedSku} × {expectedQuantity}）。',
    ko: '주문 {orderNo}의 피킹이 일치하지 않습니다: SKU {sku} × {quantity} (주문은 SKU {expectedSku} × {expectedQuantity}).',
  },
  'time-slot-sagawa-only': {
    ja: '配達時間帯は佐川急便だけで指定できます（選択: {service}）。',
    en: 'A delivery time slot can be given with Sagawa only (chosen: {service}).',
    'zh-CN': '只有佐川急便可以指定配送时间段（所选：{service}）。',
    ko: '배송 시간대는 사가와 택배에서만 지정할 수 있습니다 (선택: {service}).',
  },
  'tracking-check-digit': {
    ja: '追跡番号 {trackingNo} のチェックデジットが正しくありません。送り状を確認してください。',
    en: 'Tracking no. {trackingNo} has a wrong check digit. Check the label.',
    'zh-CN': '运单号 {trackingNo} 的校验位不正确，请检查面单。',
    ko: '송장번호 {trackingNo}의 체크 디지트가 올바르지 않습니다. 송장을 확인하세요.',
  },
  'tracking-not-issued': {
    ja: '追跡番号 {trackingNo} はステーション {station} に払い出された番号ではありません。',
    en: 'Tracking no. {trackingNo} was not issued to station {station}.',
    'zh-CN': '运单号 {trackingNo} 不是发给工作站 {station} 的号码。',
    ko: '송장번호 {trackingNo}은(는) 스테이션 {station}에 발급된 번호가 아닙니다.',
  },
  'tracking-number-used': {
    ja: '追跡番号 {trackingNo} はすでに注文 {orderNo} に使われています。',
    en: 'Tracking no. {trackingNo} is already used by order {orderNo}.',
    'zh-CN': '运单号 {trackingNo} 已被订单 {orderNo} 使用。',
    ko: '송장번호 {trackingNo}은(는) 이미 주문 {orderNo}에 사용되었습니다.',
  },
  'tracking-number-voided': {
    ja: '追跡番号 {trackingNo} は無効化された番号です。新しい送り状を使ってください。',
    en: 'Tracking no. {trackingNo} was voided. Use a new label.',
    'zh-CN': '运单号 {trackingNo} 已作废，请使用新面单。',
    ko: '송장번호 {trackingNo}은(는) 무효화된 번호입니다. 새 송장을 사용하세요.',
  },
  'label-mismatch': {
    ja: 'スキャンした送り状 {scanned} は注文 {orderNo} の送り状（{expected}）ではありません。',
    en: 'The scanned label {scanned} is not the label of order {orderNo} ({expected}).',
    'zh-CN': '扫描的面单 {scanned} 不是订单 {orderNo} 的面单（{expected}）。',
    ko: '스캔한 송장 {scanned}은(는) 주문 {orderNo}의 송장({expected})이 아닙니다.',
  },
};
