import type { MessageCatalog } from './catalog';

/** Pick lists: what the hub tells the floor when it could not make them. */
export const pickingMessages: MessageCatalog = {
  'pick-lists-busy': {
    ja: '拠点 {branch} では別の端末がピッキングリストを作成中です。もう一度お試しください。',
    en: 'Another station is making pick lists at branch {branch} right now. Please try again.',
    'zh-CN': '分店 {branch} 的另一台终端正在生成拣货单，请重试。',
    ko: '거점 {branch}에서 다른 단말이 피킹 리스트를 만들고 있습니다. 다시 시도해 주세요.',
  },
};
