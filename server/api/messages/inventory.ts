import type { MessageCatalog } from './catalog';

/** Q-inventory codes, SKUs, listing links, inbound lines, cargo bundles and the fees charged at inbound. */
export const inventoryMessages: MessageCatalog = {
  'inventory-codes-exhausted': {
    ja: '発行できる Q在庫コードがもうありません。管理者に連絡してください。',
    en: 'No more Q-inventory codes can be issued. Please contact an administrator.',
    'zh-CN': '已无可发放的 Q库存代码，请联系管理员。',
    ko: '더 이상 발급할 수 있는 Q재고 코드가 없습니다. 관리자에게 문의하세요.',
  },
  'option-codes-exhausted': {
    ja: 'Q在庫コード {code} にはこれ以上オプションを追加できません。',
    en: 'Q-inventory code {code} cannot take any more options.',
    'zh-CN': 'Q库存代码 {code} 无法再添加选项。',
    ko: 'Q재고 코드 {code}에는 더 이상 옵션을 추가할 수 없습니다.',
  },
  'listing-option-linked': {
    ja: '商品 {listingId} のオプション「{optionLabel}」はすでに SKU {sku} に連携されています。',
    en: 'Option "{optionLabel}" of listing {listingId} is already linked to SKU {sku}.',
    'zh-CN': '商品 {listingId} 的选项“{optionLabel}”已关联到 SKU {sku}。',
    ko: '상품 {listingId}의 옵션 "{optionLabel}"은(는) 이미 SKU {sku}에 연결되어 있습니다.',
  },
  'separate-inventory-required': {
    ja: 'SKU {sku} は入庫できません: Q在庫コード {code} の「別在庫管理」を「はい」にしてください。',
    en: 'SKU {sku} cannot be sent in: set "separate inventory management" to Yes on Q-inventory code {code}.',
    'zh-CN': 'SKU {sku} 无法入库：请将 Q库存代码 {code} 的“另一支库存管理可用性”设为“是”。',
    ko: 'SKU {sku}은(는) 입고할 수 없습니다: Q재고 코드 {code}의 "별도 재고 관리"를 "예"로 설정하세요.',
  },
  'inbound-batch-refused': {
    ja: '入庫明細 {count} 行に問題があるため、1 行も登録していません。',
    en: '{count} inbound lines have problems, so none were registered.',
    'zh-CN': '有 {count} 行入库明细存在问题，因此全部未登记。',
    ko: '입고 명세 {count}행에 문제가 있어 한 행도 등록하지 않았습니다.',
  },
  'line-already-bundled': {
    ja: '入庫明細 {id} はすでに入庫バンドル {bundle} に含まれています。',
    en: 'Inbound line {id} is already in cargo bundle {bundle}.',
    'zh-CN': '入库明细 {id} 已在入库包裹 {bundle} 中。',
    ko: '입고 명세 {id}은(는) 이미 입고 번들 {bundle}에 포함되어 있습니다.',
  },
  'bundle-mixed-branches': {
    ja: '1 つの入庫バンドルには同じ倉庫宛ての明細だけをまとめられます（{branches}）。',
    en: 'A cargo bundle can only hold lines for one branch (got {branches}).',
    'zh-CN': '一个入库包裹只能包含发往同一分店的明细（{branches}）。',
    ko: '하나의 입고 번들에는 같은 지점으로 가는 명세만 묶을 수 있습니다 ({branches}).',
  },
  'bundle-numbers-exhausted': {
    ja: '発行できる入庫バンドル番号がもうありません。管理者に連絡してください。',
    en: 'No more cargo bundle numbers can be issued. Please contact an administrator.',
    'zh-CN': '已无可发放的入库包裹编号，请联系管理员。',
    ko: '더 이상 발급할 수 있는 입고 번들 번호가 없습니다. 관리자에게 문의하세요.',
  },
  'arrival-date-in-past': {
    ja: '到着予定日 {date} は過去の日付です（{earliest} 以降を指定してください）。',
    en: 'The estimated arrival date {date} is in the past (use {earliest} or later).',
    'zh-CN': '预计到达日期 {date} 已过去（请指定 {earliest} 或之后）。',
    ko: '도착 예정일 {date}은(는) 지난 날짜입니다 ({earliest} 이후로 지정하세요).',
  },
  'arrival-date-too-far': {
    ja: '到着予定日 {date} は先すぎます（{latest} までを指定してください）。',
    en: 'The estimated arrival date {date} is too far ahead (use {latest} or earlier).',
    'zh-CN': '预计到达日期 {date} 太远（请指定 {latest} 或之前）。',
    ko: '도착 예정일 {date}이(가) 너무 멉니다 ({latest}까지 지정하세요).',
  },
  'illegal-transition': {
    ja: '入庫バンドル {id} は「{from}」から「{to}」に進められません。',
    en: 'Cargo bundle {id} cannot go from "{from}" to "{to}".',
    'zh-CN': '入库包裹 {id} 无法从“{from}”变为“{to}”。',
    ko: '입고 번들 {id}은(는) "{from}"에서 "{to}"(으)로 진행할 수 없습니다.',
  },
  'already-in-state': {
    ja: '入庫バンドル {id} はすでに「{to}」です。',
    en: 'Cargo bundle {id} is already "{to}".',
    'zh-CN': '入库包裹 {id} 已经是“{to}”。',
    ko: '입고 번들 {id}은(는) 이미 "{to}" 상태입니다.',
  },
  'final-state': {
    ja: '入庫バンドル {id} は「{from}」で終了しているため、変更できません。',
    en: 'Cargo bundle {id} is finished ("{from}") and cannot change.',
    'zh-CN': '入库包裹 {id} 已结束（“{from}”），无法更改。',
    ko: '입고 번들 {id}은(는) "{from}" 상태로 종료되어 변경할 수 없습니다.',
  },
  'wrong-actor': {
    ja: '入庫バンドル {id} を「{to}」にするのは別の担当です。',
    en: 'Someone else moves cargo bundle {id} to "{to}".',
    'zh-CN': '将入库包裹 {id} 设为“{to}”应由另一方操作。',
    ko: '입고 번들 {id}을(를) "{to}"(으)로 바꾸는 것은 다른 담당입니다.',
  },
  'insufficient-balance': {
    ja: '入庫バンドル {id} を保留しました: 料金 {total} 円（入庫料 {inHousing} 円、ラベル貼付料 {labelling} 円）に対して Qキャッシュ残高が {balance} 円です。',
    en: 'Cargo bundle {id} is on hold: fees of {total} JPY (in-housing {inHousing} JPY, labelling {labelling} JPY) exceed the Q-cash balance of {balance} JPY.',
    'zh-CN': '入库包裹 {id} 已暂停：费用 {total} 日元（入库费 {inHousing} 日元，贴标费 {labelling} 日元）超过 Q-cash 余额 {balance} 日元。',
    ko: '입고 번들 {id}을(를) 보류했습니다: 요금 {total}엔(입고료 {inHousing}엔, 라벨 부착료 {labelling}엔)이 Q캐시 잔액 {balance}엔을 넘습니다.',
  },
  'fee-needs-quote': {
    ja: '入庫バンドル {id} を保留しました: SKU {sku} は料金表のサイズを超えるため、個別見積もりが必要です。',
    en: 'Cargo bundle {id} is on hold: SKU {sku} is larger than the fee schedule covers and needs a quote.',
    'zh-CN': '入库包裹 {id} 已暂停：SKU {sku} 超出收费表的尺寸范围，需要单独报价。',
    ko: '입고 번들 {id}을(를) 보류했습니다: SKU {sku}은(는) 요금표 크기를 넘어 개별 견적이 필요합니다.',
  },
  'line-not-in-bundle': {
    ja: '入庫明細 {id} はこの入庫バンドルに含まれていません。',
    en: 'Inbound line {id} is not in this cargo bundle.',
    'zh-CN': '入库明细 {id} 不在此入库包裹中。',
    ko: '입고 명세 {id}은(는) 이 입고 번들에 포함되어 있지 않습니다.',
  },
  'line-counted-twice': {
    ja: '入庫明細 {id} の数量が 2 回入力されています。',
    en: 'Inbound line {id} was counted twice.',
    'zh-CN': '入库明细 {id} 的数量输入了两次。',
    ko: '입고 명세 {id}의 수량이 두 번 입력되었습니다.',
  },
  'counts-incomplete': {
    ja: '検品数が入力されていない入庫明細があります: {ids}',
    en: 'Some inbound lines have no count: {ids}',
    'zh-CN': '以下入库明细尚未输入检品数量：{ids}',
    ko: '검품 수량이 입력되지 않은 입고 명세가 있습니다: {ids}',
  },
  'labels-over-counted': {
    ja: '入庫明細 {id}: ラベル貼付数 {labelled} が検品数 {counted} を超えています。',
    en: 'Inbound line {id}: {labelled} units labelled but only {counted} counted.',
    'zh-CN': '入库明细 {id}：贴标数量 {labelled} 超过检品数量 {counted}。',
    ko: '입고 명세 {id}: 라벨 부착 수 {labelled}이(가) 검품 수 {counted}을(를) 넘습니다.',
  },
};
