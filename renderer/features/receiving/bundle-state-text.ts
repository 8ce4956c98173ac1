import type { TFunction } from 'i18next';
import { isKeyOf } from '../../i18n/word-keys';
import ja from '../../i18n/locales/ja.json';

/** A bundle's state in the user's language; one the words do not know yet (a newer hub's) is shown as the hub sent it. */
export function bundleStateText(t: TFunction, state: string): string {
  return isKeyOf(ja.receiving.states, state) ? t(`receiving.states.${state}`) : state;
}
