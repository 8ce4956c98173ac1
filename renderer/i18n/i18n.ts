import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ja from './locales/ja.json';
import ko from './locales/ko.json';
import zhCN from './locales/zh-CN.json';

/** Japanese first; the order is the order of the language switch. Names are each language's own. */
export const languages = [
  { code: 'ja', name: '日本語' },
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
  { code: 'ko', name: '한국어' },
] as const;
export type LanguageCode = (typeof languages)[number]['code'];

const storageKey = 'qwms.language';

function savedLanguage(): LanguageCode {
  const saved = localStorage.getItem(storageKey);
  return languages.some((language) => language.code === saved) ? (saved as LanguageCode) : 'ja';
}

/** Keys a screen asked for that a language lacks; kept on <html> so a test (or a curious supervisor) can see them. */
const missingKeys = new Set<string>();

void i18next.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en }, 'zh-CN': { translation: zhCN }, ko: { translation: ko } },
  lng: savedLanguage(),
  // No fallback: a missing translation must show up as a missing translation, not as another language.
  fallbackLng: false,
  interpolation: { escapeValue: false },
  saveMissing: true,
  missingKeyHandler: (lngs, _namespace, key) => {
    missingKeys.add(`${lngs.join(',')}:${key}`);
    document.documentElement.dataset.missingTranslations = [...missingKeys].join(' ');
  },
});

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(storageKey, language);
});
document.documentElement.lang = i18next.language;

export function setLanguage(code: LanguageCode): void {
  void i18next.changeLanguage(code);
}

export default i18next;
