import 'i18next';
import type ja from './locales/ja.json';

/**
 * Translation keys are typed by the Japanese file (test/unit/renderer/locales.test.ts keeps the other three languages
 * to the same keys): a key that is missing or misspelt, or a template-literal key whose part is not one of the
 * values the file has words for, fails `npm run typecheck`. Proven by i18n/typed-keys.type-test.ts.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof ja };
  }
}
