import type { MessageCatalog } from './catalog';

/** Sign-in lockout and the rate limit: each says when to try again. */
export const accessMessages: MessageCatalog = {
  'sign-in-locked': {
    ja: 'サインインの失敗が続いたため、一時的にロックされています。{seconds} 秒後にもう一度お試しください。',
    en: 'Too many failed sign-ins: signing in is locked for now. Try again in {seconds} seconds.',
    'zh-CN': '登录失败次数过多，已暂时锁定。请在 {seconds} 秒后重试。',
    ko: '로그인 실패가 반복되어 일시적으로 잠겼습니다. {seconds}초 후에 다시 시도하세요.',
  },
  'rate-limited': {
    ja: '短時間にリクエストが多すぎます。{seconds} 秒後にもう一度お試しください。',
    en: 'Too many requests in a short time. Try again in {seconds} seconds.',
    'zh-CN': '短时间内请求过多。请在 {seconds} 秒后重试。',
    ko: '짧은 시간에 요청이 너무 많습니다. {seconds}초 후에 다시 시도하세요.',
  },
};
