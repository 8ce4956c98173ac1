import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DailyCountsService, type DailyCountsCaller, type DailyCountsDeps } from '../../../electron/station/daily-counts/daily-counts-service';
import { dailyCountsSheetNames } from '../../../electron/station/daily-counts/daily-counts-workbook';
import { HubRefusal, HubUnreachable } from '../../../electron/station/hub-client/hub-http';
import { StationStore } from '../../../electron/station/store/station-store';
import { StationFailure } from '../../../shared/contract/errors';
import { tokyoInstant } from '../../../shared/domain/tokyo-time';
import { startHub, type RunningHub } from '../../../server/hub/start-hub';
import { registerStation } from '../../../server/services/stations';
import { addUser, signIn } from '../../../server/services/users';
import { pdfText } from '../../support/barcode-tools';
import { tokyo } from '../../support/hub-fixtures';
import { sellerWithSkus } from '../../support/order-fixtures';

const jst = (date: string, hours = 0) => tokyoInstant(date, hours).toISOString();
const day = '2025-03-10';

describe('the station’s daily counts (日次集計) against a real hub', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qwms-daily-'));
  let hub: RunningHub;
  let store: StationStore;
  let service: DailyCountsService;
  let deps: DailyCountsDeps;
  let supervisor: DailyCountsCaller;
  let clerk: DailyCountsCaller;
  const printed: { pdf: Buffer; title: string }[] = [];

  const bundle = (id: string, arrivedAt: string, state: string, completedAt: string | null = null) =>
    hub.store.db
      .insertInto('cargo_bundles')
      .values({
        id,
        seller_id: 'day-shop',
        branch_code: tokyo,
        state,
        estimated_arrival: '2025-03-05',
        carrier: null,
        tracking_no: null,
        box_count: 1,
        boxes_received: 1,
        arrived_at: arrivedAt,
        completed_at: completedAt,
        hold_reason: null,
        reject_reason: null,
        created_at: jst('2025-03-01'),
        updated_at: jst('2025-03-01'),
      })
      .execute();
  const tokenOf = async (name: string, role: 'supervisor' | 'clerk') => {
    await addUser(hub.store.db, { name, role, pin: '123456', sellerId: null });
    return (await signIn(hub.store.db, { user: name, pin: '123456' })).token;
  };

  beforeAll(async () => {
    hub = await startHub({ database: join(dir, 'hub.sqlite'), port: 0 });
    await registerStation(hub.store.db, { id: 'st-office', name: 'office', branchCode: tokyo, secret: 'office-secret-1234' });
    await sellerWithSkus(hub.store.db, 'day-shop', 1);
    await bundle('arrived-today', jst(day, 9), 'arrived');
    await bundle('late-open', jst('2025-03-06', 12), 'arrived'); // its limit ended with the 9th
    await bundle('due-today', jst('2025-03-07', 12), 'arrived'); // its limit ends with the 10th
    store = new StationStore(join(dir, 'station'));
    deps = {
      store,
      branchCode: tokyo,
      hub: { url: hub.url, stationId: 'st-office', secret: 'office-secret-1234' },
      reportsDir: join(dir, 'reports'),
      printDocument: (pdf, title) => (printed.push({ pdf, title }), Promise.resolve({ jobId: 'j-1', printer: 'documents', state: 'done', message: null })),
    };
    service = new DailyCountsService(deps);
    const supervisorToken = await tokenOf('office-supervisor', 'supervisor');
    const clerkToken = await tokenOf('floor-clerk', 'clerk');
    supervisor = { token: () => supervisorToken, language: 'ja' };
    clerk = { token: () => clerkToken, language: 'en' };
  });
  afterAll(async () => {
    store.close();
    await hub.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the hub’s figures for the day and this station’s branch, fresh', async () => {
    const answer = await service.day({ date: day }, supervisor);
    expect(answer).toMatchObject({ stale: false, stationBranch: tokyo, counts: { date: day, branchCode: tokyo } });
    expect(answer.counts.inbound.bundlesArrived).toBe(1);
    expect(answer.counts.inbound.lateBundles.map((late) => late.bundleId)).toContain('late-open');
    expect(answer.counts.inbound.dueToday.map((due) => due.bundleId)).toEqual(['due-today']);
    const all = await service.day({ date: day, branchCode: null }, supervisor);
    expect(all.counts.branchCode).toBeNull();
  });

  it('opens the rows behind a figure', async () => {
    const list = await service.list({ date: day, figure: 'bundlesArrived' }, supervisor);
    expect(list).toMatchObject({ figure: 'bundlesArrived', stale: false, truncated: false });
    expect(list.rows.map((row) => row.id)).toEqual(['arrived-today']);
  });

  it('passes on the hub’s refusal of a clerk, in the clerk’s language, and keeps nothing for it', async () => {
    const refusal = await service.day({ date: '2025-03-11' }, clerk).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HubRefusal);
    expect((refusal as HubRefusal).status).toBe(403);
    expect(store.setting(`daily-counts:2025-03-11:${tokyo}`)).toBeNull();
  });

  it('exports the day as .xlsx with Japanese headings that read back with exceljs', async () => {
    const file = await service.exportWorkbook({ date: day }, supervisor);
    expect(file.stale).toBe(false);
    expect(file.path).toBe(join(dir, 'reports', `daily-counts-${day}-${tokyo}.xlsx`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file.path) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(dailyCountsSheetNames));
    const rows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows('入荷')).toContainEqual(['入荷した入庫', 1]);
    expect(rows('入荷')).toContainEqual(['期限（3日）を過ぎた入庫', expect.any(Number)]);
    expect(rows('入荷').some((row) => row[0] === 'late-open')).toBe(true);
    expect(rows('時間帯別')).toContainEqual(['時間帯', '検品数量', 'ピッキング点数', '出荷個口数']);
    expect(rows('時間帯別').filter((row) => typeof row[0] === 'string' && /^\d\d:00$/.test(row[0]))).toHaveLength(24);
    expect(rows('直近14日').filter((row) => typeof row[0] === 'string' && /^\d{4}-\d\d-\d\d$/.test(row[0]))).toHaveLength(14);
  });

  it('prints an A4 report in Japanese to the document printer and keeps the PDF', async () => {
    const result = await service.print({ date: day }, supervisor);
    expect(result.job.state).toBe('done');
    expect(printed.at(-1)!.title).toBe(`日次集計 ${day}`);
    const kept = readFileSync(result.path);
    expect(kept.equals(printed.at(-1)!.pdf)).toBe(true);
    // The PDF the station rendered, not a CUPS copy (cups-pdf loses the Japanese text mapping).
    const text = pdfText(kept);
    expect(text).toContain('日次集計レポート');
    expect(text).toContain('2025/03/10');
    expect(text).toContain('入荷した入庫');
    expect(text).toContain('late-open');
    expect(text).toContain('直近14日');
    expect(text).not.toContain('前回取得した数値');
  });

  it('answers the kept figures marked stale with the hub away, and says the hub is away for a day it never had', async () => {
    const fresh = await service.day({ date: day }, supervisor);
    const list = await service.list({ date: day, figure: 'bundlesArrived' }, supervisor);
    // A station that keeps two answers: the oldest of three days asked is let go.
    const smallStore = new StationStore(join(dir, 'small-station'));
    const small = new DailyCountsService({ ...deps, store: smallStore, keptAnswers: 2 });
    for (const date of ['2025-02-01', '2025-02-02', '2025-02-03']) await small.day({ date }, supervisor);
    await hub.close();
    await expect(small.day({ date: '2025-02-03' }, supervisor)).resolves.toMatchObject({ stale: true });
    await expect(small.day({ date: '2025-02-02' }, supervisor)).resolves.toMatchObject({ stale: true });
    await expect(small.day({ date: '2025-02-01' }, supervisor)).rejects.toBeInstanceOf(HubUnreachable);
    smallStore.close();
    const kept = await service.day({ date: day }, supervisor);
    expect(kept.stale).toBe(true);
    expect(kept.counts).toEqual(fresh.counts);
    await expect(service.list({ date: day, figure: 'bundlesArrived' }, supervisor)).resolves.toEqual({ ...list, stale: true });
    await expect(service.day({ date: '2025-03-12' }, supervisor)).rejects.toBeInstanceOf(HubUnreachable);
    // Signed in with the hub away: no hub session to ask with, and the kept figures still answer.
    const offline: DailyCountsCaller = {
      token: () => {
        throw new StationFailure('needs-hub-sign-in', 'signed in offline');
      },
      language: 'ja',
    };
    await expect(service.day({ date: day }, offline)).resolves.toMatchObject({ stale: true });
    const report = await service.print({ date: day }, supervisor);
    expect(report.stale).toBe(true);
    expect(pdfText(readFileSync(report.path))).toContain('ハブに接続できないため、前回取得した数値です');
  });
});
