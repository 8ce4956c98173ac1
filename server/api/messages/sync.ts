import type { MessageCatalog } from './catalog';

export const syncMessages: MessageCatalog = {
  // The user a floor event names (server/sync/event-user.ts).
  'event-user-missing': {
    ja: 'イベント {kind} に作業者が記録されていません。サインインしてからやり直してください。',
    en: 'Event {kind} names no user; sign in and try again.',
    'zh-CN': '事件 {kind} 没有记录操作人员，请登录后重试。',
    ko: '이벤트 {kind}에 작업자가 기록되지 않았습니다. 로그인한 후 다시 시도해 주세요.',
  },
  'event-user-unknown': {
    ja: 'イベント {kind} の作業者 {userId} はハブに登録されていません。',
    en: 'The user {userId} of event {kind} is not known to the hub.',
    'zh-CN': '事件 {kind} 的操作人员 {userId} 未在中心服务器登记。',
    ko: '이벤트 {kind}의 작업자 {userId}은(는) 허브에 등록되어 있지 않습니다.',
  },
  'event-user-disabled': {
    ja: '{name} さんのアカウントは無効になっているため、イベント {kind} は受け付けられません。',
    en: "{name}'s account is disabled, so event {kind} is refused.",
    'zh-CN': '{name} 的账户已停用，因此拒绝事件 {kind}。',
    ko: '{name} 님의 계정이 비활성화되어 이벤트 {kind}을(를) 받을 수 없습니다.',
  },
  'event-user-role': {
    ja: '{name} さん（役割: {role}）はイベント {kind} を行えません。',
    en: '{name} (role: {role}) may not do event {kind}.',
    'zh-CN': '{name}（角色：{role}）无权执行事件 {kind}。',
    ko: '{name} 님(역할: {role})은(는) 이벤트 {kind}을(를) 할 수 없습니다.',
  },
  'event-id-reused': {
    ja: 'イベント {eventId} は別の番号ですでに届いています。',
    en: 'Event {eventId} already arrived under another number.',
    'zh-CN': '事件 {eventId} 已以其他序号送达。',
    ko: '이벤트 {eventId}은(는) 다른 번호로 이미 도착했습니다.',
  },
  'event-seq-reused': {
    ja: '番号 {seq} のイベントはすでに別の内容で届いています。',
    en: 'An event numbered {seq} already arrived with other content.',
    'zh-CN': '序号 {seq} 的事件已以其他内容送达。',
    ko: '번호 {seq}의 이벤트가 이미 다른 내용으로 도착했습니다.',
  },
  'event-gap': {
    ja: '番号 {expected} のイベントがまだ届いていません（受信: {seq}）。先に送ってください。',
    en: 'Event {expected} has not arrived yet (got {seq}); send it first.',
    'zh-CN': '序号 {expected} 的事件尚未送达（收到 {seq}），请先发送。',
    ko: '번호 {expected}의 이벤트가 아직 도착하지 않았습니다 (수신: {seq}). 먼저 보내 주세요.',
  },
  'unknown-event-kind': {
    ja: 'ハブが知らない種類のイベントです: {kind}',
    en: 'The hub does not know this kind of event: {kind}',
    'zh-CN': '中心服务器不认识此类事件：{kind}',
    ko: '허브가 모르는 종류의 이벤트입니다: {kind}',
  },
  'bad-event-payload': {
    ja: 'イベント {kind} の内容が正しくありません: {fields}',
    en: 'Event {kind} has invalid content: {fields}',
    'zh-CN': '事件 {kind} 的内容不正确：{fields}',
    ko: '이벤트 {kind}의 내용이 올바르지 않습니다: {fields}',
  },
  'negative-stock': {
    ja: 'SKU {sku} の在庫が足りません（在庫 {balance}、変更 {quantity}）。在庫はマイナスにできません。',
    en: 'Not enough stock of SKU {sku} (stock {balance}, change {quantity}). Stock cannot go below zero.',
    'zh-CN': 'SKU {sku} 库存不足（库存 {balance}，变动 {quantity}），库存不能为负。',
    ko: 'SKU {sku}의 재고가 부족합니다 (재고 {balance}, 변경 {quantity}). 재고는 마이너스가 될 수 없습니다.',
  },
  'wrong-sign': {
    ja: 'この種類の在庫移動に、この符号の数量は使えません（{quantity}）。',
    en: 'This kind of stock movement cannot have this sign ({quantity}).',
    'zh-CN': '此类库存变动不能使用此符号的数量（{quantity}）。',
    ko: '이 종류의 재고 이동에는 이 부호의 수량을 쓸 수 없습니다 ({quantity}).',
  },
  'zero-quantity': {
    ja: '数量 0 の在庫移動は記録できません。',
    en: 'A stock movement of zero cannot be recorded.',
    'zh-CN': '不能记录数量为 0 的库存变动。',
    ko: '수량 0의 재고 이동은 기록할 수 없습니다.',
  },
  'station-branch-unknown': {
    ja: '拠点 {branch} は登録されていません。',
    en: 'Branch {branch} is not registered.',
    'zh-CN': '分店 {branch} 未登记。',
    ko: '지점 {branch}은(는) 등록되어 있지 않습니다.',
  },
};
