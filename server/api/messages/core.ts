import type { MessageCatalog } from './catalog';

export const coreMessages: MessageCatalog = {
  unauthenticated: {
    ja: 'サインインが必要です。',
    en: 'Please sign in.',
    'zh-CN': '请先登录。',
    ko: '로그인이 필요합니다.',
  },
  forbidden: {
    ja: 'この操作の権限がありません。',
    en: 'You are not allowed to do this.',
    'zh-CN': '您没有此操作的权限。',
    ko: '이 작업을 할 권한이 없습니다.',
  },
  'not-found': {
    ja: '{what} {id} は見つかりません。',
    en: '{what} {id} was not found.',
    'zh-CN': '找不到{what} {id}。',
    ko: '{what} {id}을(를) 찾을 수 없습니다.',
  },
  'bad-input': {
    ja: '入力内容が正しくありません: {fields}',
    en: 'Some input is not valid: {fields}',
    'zh-CN': '输入内容不正确：{fields}',
    ko: '입력 내용이 올바르지 않습니다: {fields}',
  },
  'bad-credentials': {
    ja: '名前または PIN が違います。',
    en: 'Wrong name or PIN.',
    'zh-CN': '姓名或 PIN 不正确。',
    ko: '이름 또는 PIN이 틀렸습니다.',
  },
  'bad-station-credentials': {
    ja: '端末の認証に失敗しました。',
    en: 'The station could not be authenticated.',
    'zh-CN': '工作站认证失败。',
    ko: '스테이션 인증에 실패했습니다.',
  },
  duplicate: {
    ja: '{what} {id} はすでに登録されています。',
    en: '{what} {id} already exists.',
    'zh-CN': '{what} {id} 已存在。',
    ko: '{what} {id}은(는) 이미 등록되어 있습니다.',
  },
  'body-too-large': {
    ja: 'データが大きすぎます（上限 {max}）。',
    en: 'The upload is too large (limit {max}).',
    'zh-CN': '数据过大（上限 {max}）。',
    ko: '데이터가 너무 큽니다 (상한 {max}).',
  },
  internal: {
    ja: 'ハブで問題が起きました。変更は保存されていません。',
    en: 'Something went wrong in the hub. Nothing was changed.',
    'zh-CN': '中心服务器出现问题，未保存任何更改。',
    ko: '허브에 문제가 생겼습니다. 변경 사항은 저장되지 않았습니다.',
  },
  'seller-user-needs-seller': {
    ja: 'セラーのユーザーにはセラー ID が必要です。',
    en: 'A seller user needs a seller id.',
    'zh-CN': '卖家用户需要卖家 ID。',
    ko: '셀러 사용자에게는 셀러 ID가 필요합니다.',
  },
  'staff-user-has-no-seller': {
    ja: '倉庫スタッフのユーザーにセラー ID は付けられません。',
    en: 'Warehouse staff users have no seller id.',
    'zh-CN': '仓库员工用户不能指定卖家 ID。',
    ko: '창고 직원 사용자에게는 셀러 ID를 지정할 수 없습니다.',
  },
  'badge-needs-station': {
    ja: '社員証でのサインインは現場の端末からのみできます。',
    en: 'Badge sign-in works only from a floor station.',
    'zh-CN': '只能在现场工作站上用工牌登录。',
    ko: '사원증 로그인은 현장 스테이션에서만 가능합니다.',
  },
};
