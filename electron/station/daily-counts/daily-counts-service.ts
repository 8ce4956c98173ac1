import { StationFailure } from '../../../shared/contract/errors';
import type { DailyCountListAnswer, DailyCountsAnswer, DailyCountsInput } from '../../../shared/contract/daily-counts';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { tokyoDate, type TokyoDate } from '../../../shared/domain/tokyo-time';
import { dailyCountRowSchema, dailyCountsSchema, type DailyCountFigure, type DailyCountsView } from '../../../shared/hub/routes/daily-counts';
import { z } from 'zod';
import { hubCall, HubUnreachable, type HubCredentials } from '../hub-client/hub-http';
import { keepReport } from '../printing/keep-report';
import type { StationStore } from '../store/station-store';
import { buildDailyCountsWorkbook } from './daily-counts-workbook';
import { renderDailyReportPdf } from '../printing/render-daily-report';

export interface DailyCountsDeps {
  store: StationStore;
  /** The branch this station stands in: the day's figures are this branch's unless another (or all) is asked. */
  branchCode: string;
  hub: HubCredentials;
  /** Where exported days and printed reports are kept (the station's reports folder, beside the manifests). */
  reportsDir: string;
  /** Queues a finished PDF on the station's document printer. */
  printDocument(pdf: Buffer, title: string): Promise<PrintJobStatus>;
  now?: () => Date;
  /**
   * How many answers (a day's figures, or one figure's rows) are kept for the hub away: the latest asked; the oldest
   * is emptied when more come, so a year of supervisors' days does not grow the store without end. Default 200.
   */
  keptAnswers?: number;
}

/**
 * Who asks. The token is read only when the hub is called: a supervisor signed in with the hub away has none
 * (reading it throws needs-hub-sign-in), and is then answered the kept figures like anyone with the hub away.
 */
export interface DailyCountsCaller {
  token(): string | null;
  language: string;
}

interface Day {
  date: TokyoDate;
  /** null: every branch. */
  branchCode: string | null;
}

const keptIndexKey = 'daily-counts:kept';

const keptList = z.object({ rows: z.array(dailyCountRowSchema), truncated: z.boolean(), asOf: z.string() });

/**
 * 日次集計 on the station: the hub's figures for a day and branch, asked in the supervisor's name (only the office
 * roles may read them). Every answer is kept in the station store per day and branch, so with the hub away the screen
 * (and the exports) still have the last figures, marked stale with the time the hub gave them.
 */
export class DailyCountsService {
  constructor(private readonly deps: DailyCountsDeps) {}

  async day(input: DailyCountsInput, caller: DailyCountsCaller): Promise<DailyCountsAnswer> {
    const day = this.resolve(input);
    const key = `daily-counts:${day.date}:${day.branchCode ?? 'all'}`;
    const stationBranch = this.deps.branchCode;
    try {
      const counts = await hubCall(this.deps.hub, 'dailyCounts.get', { query: this.query(day) }, this.options(caller));
      this.keep(key, JSON.stringify(counts));
      return { counts, stale: false, stationBranch };
    } catch (error) {
      const kept = this.kept(key, dailyCountsSchema);
      if (kept && cannotAsk(error)) return { counts: kept, stale: true, stationBranch };
      throw error;
    }
  }

  async list(input: DailyCountsInput & { figure: DailyCountFigure }, caller: DailyCountsCaller): Promise<DailyCountListAnswer> {
    const day = this.resolve(input);
    const key = `daily-counts-list:${input.figure}:${day.date}:${day.branchCode ?? 'all'}`;
    try {
      const answer = await hubCall(this.deps.hub, 'dailyCounts.list', { params: { figure: input.figure }, query: this.query(day) }, this.options(caller));
      const asOf = (this.deps.now?.() ?? new Date()).toISOString();
      this.keep(key, JSON.stringify({ rows: answer.rows, truncated: answer.truncated, asOf }));
      return { figure: input.figure, rows: answer.rows, truncated: answer.truncated, stale: false, asOf };
    } catch (error) {
      const kept = this.kept(key, keptList);
      if (kept && cannotAsk(error)) return { figure: input.figure, ...kept, stale: true };
      throw error;
    }
  }

  /** The day as an .xlsx workbook (inbound, outbound, floor, by hour, last 14 days), kept in the reports folder. */
  async exportWorkbook(input: DailyCountsInput, caller: DailyCountsCaller): Promise<{ path: string; bytes: number; stale: boolean }> {
    const { counts, stale } = await this.day(input, caller);
    const bytes = await buildDailyCountsWorkbook(counts, { stale, stationId: this.deps.hub.stationId });
    const path = keepReport(this.deps.reportsDir, `daily-counts-${counts.date}-${counts.branchCode ?? 'all'}.xlsx`, bytes);
    return { path, bytes: bytes.length, stale };
  }

  /** The day as an A4 report in Japanese, kept in the reports folder and sent to the document printer. */
  async print(input: DailyCountsInput, caller: DailyCountsCaller): Promise<{ path: string; bytes: number; stale: boolean; job: PrintJobStatus }> {
    const { counts, stale } = await this.day(input, caller);
    const pdf = await this.render(counts, stale);
    const path = keepReport(this.deps.reportsDir, `daily-report-${counts.date}-${counts.branchCode ?? 'all'}.pdf`, pdf);
    const job = await this.deps.printDocument(pdf, `日次集計 ${counts.date}`);
    return { path, bytes: pdf.length, stale, job };
  }

  render(counts: DailyCountsView, stale: boolean): Promise<Buffer> {
    return renderDailyReportPdf(counts, { stale, stationId: this.deps.hub.stationId, printedAt: (this.deps.now?.() ?? new Date()).toISOString() });
  }

  private resolve(input: DailyCountsInput): Day {
    return {
      date: input.date ?? tokyoDate(this.deps.now?.() ?? new Date()),
      branchCode: input.branchCode === undefined ? this.deps.branchCode : input.branchCode,
    };
  }

  private query(day: Day): { date: TokyoDate; branchCode?: string } {
    return day.branchCode === null ? { date: day.date } : { date: day.date, branchCode: day.branchCode };
  }

  private options(caller: DailyCountsCaller): { userToken?: string; language: string } {
    const token = caller.token();
    return token ? { userToken: token, language: caller.language } : { language: caller.language };
  }

  /** Keeps an answer under `key`, and deletes the oldest kept answer beyond the first `keptAnswers`. */
  private keep(key: string, text: string): void {
    const { store } = this.deps;
    const index = this.kept(keptIndexKey, z.array(z.string())) ?? [];
    const limit = this.deps.keptAnswers ?? 200;
    const keys = [key, ...index.filter((other) => other !== key)];
    for (const evicted of keys.slice(limit)) store.deleteSetting(evicted);
    store.setSetting(key, text);
    store.setSetting(keptIndexKey, JSON.stringify(keys.slice(0, limit)));
  }

  /** What was kept under `key`, if it still reads as the schema says (an older station's copy is ignored). */
  private kept<T>(key: string, schema: z.ZodType<T>): T | null {
    const text = this.deps.store.setting(key);
    if (text === null) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

/** The hub could not be asked: away, or the supervisor signed in without it (and so has no hub session). */
function cannotAsk(error: unknown): boolean {
  return error instanceof HubUnreachable || (error instanceof StationFailure && error.code === 'needs-hub-sign-in');
}
