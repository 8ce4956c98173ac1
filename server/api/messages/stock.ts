import type { MessageCatalog } from './catalog';

/** Cycle counts (棚卸), damaged stock and the ledger's own checks that came with them. */
export const stockMessages: MessageCatalog = {
  'count-not-allowed': {
    ja: '在庫調整・棚卸は現場責任者または管理者だけが行えます（ユーザー {user}）。',
    en: 'Only a supervisor or an admin can count and correct stock (user {user}).',
    'zh-CN': '只有现场负责人或管理员可以进行库存调整和盘点（用户 {user}）。',
    ko: '재고 조정·재고 조사는 현장 책임자 또는 관리자만 할 수 있습니다 (사용자 {user}).',
  },
  'unknown-bin': {
    ja: '棚番 {bin} は倉庫 {branch} にありません（どの SKU も棚入れされていません）。',
    en: 'Bin {bin} does not exist at branch {branch} (no SKU is shelved there).',
    'zh-CN': '库位 {bin} 在仓库 {branch} 中不存在（没有任何 SKU 上架于此）。',
    ko: '선반 번호 {bin}은(는) 창고 {branch}에 없습니다 (입고된 SKU가 없습니다).',
  },
  'second-badge-required': {
    ja: 'SKU {sku} の差異 {variance} 個は {threshold} 個を超えるため、もう一人の現場責任者のバッジが必要です。',
    en: 'The variance of {variance} units on SKU {sku} is more than {threshold}: a second supervisor must scan their badge.',
    'zh-CN': 'SKU {sku} 的差异 {variance} 件超过 {threshold} 件，需要另一位现场负责人刷工牌确认。',
    ko: 'SKU {sku}의 차이 {variance}개가 {threshold}개를 넘으므로 다른 현장 책임자의 배지가 필요합니다.',
  },
  'second-badge-same-person': {
    ja: '2 人目の承認は、数えた本人とは別の現場責任者が行ってください（SKU {sku}）。',
    en: 'The second approval must come from another supervisor, not the person who counted (SKU {sku}).',
    'zh-CN': '第二次确认必须由盘点人以外的另一位现场负责人进行（SKU {sku}）。',
    ko: '두 번째 승인은 조사한 본인이 아닌 다른 현장 책임자가 해야 합니다 (SKU {sku}).',
  },
  'second-badge-not-supervisor': {
    ja: '2 人目の承認者は、有効な現場責任者または管理者である必要があります（SKU {sku}）。',
    en: 'The second approver must be an active supervisor or admin (SKU {sku}).',
    'zh-CN': '第二位确认人必须是有效的现场负责人或管理员（SKU {sku}）。',
    ko: '두 번째 승인자는 유효한 현장 책임자 또는 관리자여야 합니다 (SKU {sku}).',
  },
  'damaged-count-over': {
    ja: 'SKU {sku} は帳簿 {book} 個に対して {counted} 個あり、破損の理由は使えません（破損は不足分です）。',
    en: 'SKU {sku}: {counted} units found against {book} on the books, so the reason cannot be damaged (damaged units are a shortfall).',
    'zh-CN': 'SKU {sku} 账面 {book} 件，实盘 {counted} 件，不能使用“破损”理由（破损是短缺部分）。',
    ko: 'SKU {sku}은(는) 장부 {book}개에 대해 {counted}개가 있어 파손 사유를 쓸 수 없습니다 (파손은 부족분입니다).',
  },
  'damaged-over-counted': {
    ja: '明細 {id} の破損数 {damaged} 個が検品数 {counted} 個を超えています。',
    en: 'Line {id}: {damaged} damaged units is more than the {counted} counted.',
    'zh-CN': '明细 {id} 的破损数 {damaged} 件超过了检验数 {counted} 件。',
    ko: '명세 {id}의 파손 수 {damaged}개가 검품 수 {counted}개를 넘습니다.',
  },
  'wrong-condition': {
    ja: 'この種類の在庫移動は、この在庫区分（良品・破損品）には使えません（SKU {sku}）。',
    en: 'This kind of stock movement cannot move this stock (sellable or damaged) (SKU {sku}).',
    'zh-CN': '此类库存变动不能用于该库存类别（良品或破损品）（SKU {sku}）。',
    ko: '이 종류의 재고 이동은 이 재고 구분(양품·파손품)에 쓸 수 없습니다 (SKU {sku}).',
  },
  'not-enough-damaged': {
    ja: 'SKU {sku} の倉庫 {branch} の破損在庫は {damaged} 個で、{units} 個は動かせません。',
    en: 'SKU {sku} has {damaged} damaged units at branch {branch}; {units} cannot be moved.',
    'zh-CN': 'SKU {sku} 在仓库 {branch} 的破损库存为 {damaged} 件，无法移动 {units} 件。',
    ko: 'SKU {sku}의 창고 {branch} 파손 재고는 {damaged}개로, {units}개를 옮길 수 없습니다.',
  },
};
