import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { discrepancyNamesJa, figureNamesJa, orderStateNamesJa, reasonNamesJa } from '../../../electron/station/daily-counts/daily-counts-words-ja';
import { dayInput } from '../../../renderer/features/daily-counts/daily-counts-store';
import { detailText, reasonText, timeLeftText } from '../../../renderer/features/daily-counts/daily-counts-text';
import en from '../../../renderer/i18n/locales/en.json';
import ja from '../../../renderer/i18n/locales/ja.json';
import ko from '../../../renderer/i18n/locales/ko.json';
import zhCN from '../../../renderer/i18n/locales/zh-CN.json';
import { dailyCountFigures } from '../../../shared/hub/routes/daily-counts';

const locales = { ja, en, 'zh-CN': zhCN, ko } as const;
/** What the hub says an order waits for (server/services/daily-counts/outbound.ts) and the allocator's hold reasons. */
const waitingReasons = ['held', 'allocated-later', 'seller-suspended', 'not-linked', 'out-of-stock', 'cart-incomplete', 'already-allocated', 'not-due'];

describe('日次集計 words', () => {
  it.each(Object.entries(locales))('%s names every figure, discrepancy kind and waiting reason, never as its code', (_language, locale) => {
    const words = locale.dailyCounts;
    for (const figure of dailyCountFigures) expect(words.figures[figure], figure).toBeTruthy();
    for (const kind of Object.keys(discrepancyNamesJa)) expect((words.discrepancyKinds as Record<string, string>)[kind], kind).toBeTruthy();
    for (const reason of waitingReasons) {
      expect((words.reasons as Record<string, string>)[reason], reason).toBeTruthy();
      expect((words.reasons as Record<string, string>)[reason]).not.toBe(reason);
    }
  });

  it('says the same in Japanese on the screen as in the exported file and the printed report', () => {
    expect(ja.dailyCounts.figures).toEqual(figureNamesJa);
    expect(ja.dailyCounts.discrepancyKinds).toEqual(discrepancyNamesJa);
    expect(ja.dailyCounts.reasons).toEqual(reasonNamesJa);
    expect(ja.dailyCounts.orderStates).toEqual(orderStateNamesJa);
  });

  describe('a drill-down row in words', () => {
    let t: TFunction;
    beforeAll(async () => {
      const instance = i18next.createInstance();
      await instance.init({ resources: { ja: { translation: ja } }, lng: 'ja', fallbackLng: false, interpolation: { escapeValue: false } });
      t = instance.t;
    });

    it('words the codes the hub sends, and shows a code it does not know as sent', () => {
      expect(detailText(t, 'discrepancies', 'short 4901234567894', 'ja')).toBe('不足 4901234567894');
      expect(detailText(t, 'ordersShipped', 'yamato 300000000011', 'ja')).toBe('ヤマト宅急便 300000000011');
      expect(detailText(t, 'waiting', 'out-of-stock', 'ja')).toBe('在庫不足');
      expect(detailText(t, 'bundlesArrived', 'arrived', 'ja')).toBe('入荷済み');
      expect(detailText(t, 'lateBundles', '2025-03-09T14:59:59.999Z', 'ja')).toBe('期限 2025/03/09 23:59');
      expect(detailText(t, 'ordersPacked', 'packed', 'ja')).toBe('梱包済み');
      expect(reasonText(t, 'a-newer-hub-reason')).toBe('a-newer-hub-reason');
      expect(detailText(t, 'unitsCounted', null, 'ja')).toBe('');
    });

    it('gives the time left to a cut-off from when the figures were taken, or that it passed', () => {
      const asOf = new Date('2025-03-10T05:30:00Z'); // 14:30 in Tokyo
      expect(timeLeftText(t, '2025-03-10T07:00:00Z', asOf)).toBe('残り 1 時間 30 分');
      expect(timeLeftText(t, '2025-03-10T04:00:00Z', asOf)).toBe('締め切りを過ぎています');
    });
  });

  it("asks this station's branch by default, every branch as null, another by its code", () => {
    expect(dayInput(null, { kind: 'station' })).toEqual({});
    expect(dayInput('2025-03-10', { kind: 'all' })).toEqual({ date: '2025-03-10', branchCode: null });
    expect(dayInput(null, { kind: 'code', code: '0000000082' })).toEqual({ branchCode: '0000000082' });
  });
});
