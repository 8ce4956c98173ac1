import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportWording } from '../../../shared/contract/receiving';
import { pdfText } from '../../support/barcode-tools';
import { waitUntil } from '../../support/wait-until';
import { startWebStation, type RunningWebStation } from '../../support/web-station';
import { cupsPdfOutput, pdfPageSizesMm } from '../../support/cups-pdf-output';
import { startCupsForTests } from '../../support/cups-test-queues';

const cups = await startCupsForTests();
const skipReason = 'unavailable' in cups ? cups.unavailable : null;
if (skipReason) console.warn(`[skipped] discrepancy report to the document printer: ${skipReason}`);
const queue = 'qwms-test-report';

const wording: ReportWording = {
  title: '検品差異レポート',
  seller: '出品者',
  inspector: '検品者',
  sku: 'SKU',
  code: 'コード',
  printedAt: '作成日時',
  item: '商品',
  expected: '予定',
  counted: '検品数',
  difference: '差異',
  statuses: { pending: '未検品', counting: '検品中', ok: '一致', short: '不足', over: '過剰' },
  findings: '予定外の商品',
  findingKinds: { 'unknown-item': '不明な商品', 'wrong-seller': '他の出品者の商品' },
  none: '差異はありません',
};

describe.skipIf(skipReason !== null)('the discrepancy report on the document printer (station contract, real cups-pdf)', { timeout: 120_000 }, () => {
  if (skipReason) return;
  const system = cups as Exclude<typeof cups, { unavailable: string }>;
  let running: RunningWebStation;
  beforeAll(async () => {
    running = await startWebStation();
  });
  afterAll(async () => {
    await running?.stop();
    await system.close();
  });

  it('keeps the report and prints it on A4 through the documents setting, answering with the job', async () => {
    system.addPdfQueue(queue);
    // The profile the settings screen saves for documents with this queue chosen.
    running.station.store.setSetting(
      'printer.documents',
      JSON.stringify({ id: 'documents', name: queue, kind: 'cups', queue, format: 'pdf', media: 'roll-50x30' }),
    );
    const call = (method: string, input: unknown) => running.station.dispatch(method, input, 'test-client');
    expect(await call('session.signIn', { method: 'pin', userId: 'u-clerk', pin: '1111' })).toMatchObject({ ok: true });

    let answer: Awaited<ReturnType<typeof call>> | null = null;
    // The station knows the demo bundles once its first changes feed from the hub is in.
    await waitUntil(
      async () => (answer = await call('inspection.printReport', { bundleId: 'IB00000004', wording })).ok,
      'the station to know bundle IB00000004',
    );
    const result = (answer as { ok: true; output: { path: string; job: { jobId: string; state: string; kind: string; document: string } } } | null)!.output;
    expect(result.job).toMatchObject({ state: 'done', kind: 'documents', document: 'discrepancy-report' });
    expect(pdfText(readFileSync(result.path)).replace(/\s+/g, '')).toContain('検品差異レポート');
    const pdf = await cupsPdfOutput(system.pdfOutputDirs, result.job.jobId.slice(0, 8));
    for (const size of pdfPageSizesMm(pdf)) {
      expect(Math.abs(size.width - 210)).toBeLessThan(0.5);
      expect(Math.abs(size.height - 297)).toBeLessThan(0.5);
    }
  });
});
