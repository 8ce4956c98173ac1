import { describe, expect, it } from 'vitest';
import { timeSlotNamesJa } from '../../../electron/station/printing/shipping-label';
import en from '../../../renderer/i18n/locales/en.json';
import ja from '../../../renderer/i18n/locales/ja.json';
import ko from '../../../renderer/i18n/locales/ko.json';
import zhCN from '../../../renderer/i18n/locales/zh-CN.json';
import { sagawaTimeSlots } from '../../../shared/domain/parcel-services';

const locales = { ja, en, 'zh-CN': zhCN, ko } as const;

describe('Sagawa time slots are named in every language, never shown as their raw value', () => {
  it.each(Object.entries(locales))('%s names every slot on the pack bench and the manifest screen', (_language, locale) => {
    for (const section of [locale.packing.timeSlots, locale.manifest.timeSlots] as Record<string, string>[]) {
      for (const slot of sagawaTimeSlots) {
        expect(section[slot], slot).toBeTruthy();
        expect(section[slot]).not.toBe(slot);
      }
    }
  });

  it('prints the slot on the label and on the pack bench in the same Japanese words', () => {
    for (const slot of sagawaTimeSlots) expect(ja.packing.timeSlots[slot]).toBe(timeSlotNamesJa[slot]);
  });
});
