import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { printReasonCodes } from '../../../shared/contract/print-job-reason';
import { printedDocuments, printerKinds } from '../../../shared/contract/printer-profile';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import en from '../../../renderer/i18n/locales/en.json';
import ja from '../../../renderer/i18n/locales/ja.json';
import ko from '../../../renderer/i18n/locales/ko.json';
import zhCN from '../../../renderer/i18n/locales/zh-CN.json';
import { printOutcome, printProblemText, printerName } from '../../../renderer/features/printing/print-job-text';

const languages = { ja, en, 'zh-CN': zhCN, ko };
const job = (patch: Partial<PrintJobStatus>): PrintJobStatus => ({
  jobId: 'j',
  printer: 'shipping-labels',
  state: 'failed',
  message: 'lp: Error - The printer or class does not exist.',
  ...patch,
});

beforeAll(async () => {
  await i18next.init({ lng: 'ja', resources: Object.fromEntries(Object.entries(languages).map(([lng, translation]) => [lng, { translation }])) });
});

describe("print results in the user's words", () => {
  it('has a sentence for every reason code, kind and printed document in every language', () => {
    for (const [language, words] of Object.entries(languages)) {
      const printing = words.printing as { reasons: Record<string, string>; kinds: Record<string, string>; documents: Record<string, string> };
      for (const code of printReasonCodes) expect(printing.reasons[code], `${language} printing.reasons.${code}`).toBeTruthy();
      for (const kind of printerKinds) expect(printing.kinds[kind], `${language} printing.kinds.${kind}`).toBeTruthy();
      for (const document of printedDocuments) expect(printing.documents[document], `${language} printing.documents.${document}`).toBeTruthy();
    }
  });

  it("words a missing queue in Japanese with its name, never lp's English", () => {
    const t = i18next.getFixedT('ja');
    const failed = job({ reason: { code: 'no-such-queue', params: { queue: 'Office' } }, kind: 'shipping-labels', document: 'shipping-label' });
    expect(printOutcome(failed)).toBe('failed');
    expect(printProblemText(t, failed)).toBe(
      '送り状を印刷できませんでした：プリンターのキュー「Office」がこの PC にありません。プリンター設定で選び直してください。',
    );
    expect(printProblemText(t, failed)).not.toMatch(/lp|does not exist/);
  });

  it('tells waiting from printed, and names the printer as the settings do', () => {
    const t = i18next.getFixedT('en');
    for (const state of ['queued', 'sending', 'waiting-for-printer'] as const) expect(printOutcome({ state })).toBe('waiting');
    expect(printOutcome({ state: 'done' })).toBe('done');
    const waiting = job({
      state: 'waiting-for-printer',
      reason: { code: 'printer-unreachable', params: { printer: '192.0.2.10:9100' } },
      kind: 'sku-labels',
      document: 'sku-labels',
      destination: '192.0.2.10:9100',
    });
    expect(printProblemText(t, waiting)).toBe(
      'Waiting for the printer, not printed yet (SKU labels). Cannot reach printer 192.0.2.10:9100. Check its power and cable.',
    );
    expect(printerName(t, waiting)).toBe('192.0.2.10:9100');
    expect(printerName(t, job({ kind: 'documents' }))).toBe('A4 documents');
  });
});
