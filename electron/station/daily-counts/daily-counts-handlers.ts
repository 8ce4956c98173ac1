import type { HandlerSlice } from '../contract-host/dispatcher';
import type { HubSessionService } from '../session/hub-session-service';
import type { DailyCountsCaller, DailyCountsService } from './daily-counts-service';

export interface DailyCountsHandlerDeps {
  dailyCounts: DailyCountsService;
  /** The hub gives the day's figures to the office roles only: asked in the signed-in supervisor's name and language. */
  sessions: Pick<HubSessionService, 'tokenOf' | 'languageOf'>;
}

/** 日次集計: the day's figures, the rows behind one, and the day as .xlsx and as a printed A4 report. */
export function dailyCountsHandlers(
  deps: DailyCountsHandlerDeps,
): HandlerSlice<'dailyCounts.day' | 'dailyCounts.list' | 'dailyCounts.export' | 'dailyCounts.print'> {
  const { dailyCounts, sessions } = deps;
  const caller = (clientId: string): DailyCountsCaller => ({ token: () => sessions.tokenOf(clientId), language: sessions.languageOf(clientId) });
  return {
    'dailyCounts.day': (input, ctx) => dailyCounts.day(input, caller(ctx.clientId)),
    'dailyCounts.list': (input, ctx) => dailyCounts.list(input, caller(ctx.clientId)),
    'dailyCounts.export': (input, ctx) => dailyCounts.exportWorkbook(input, caller(ctx.clientId)),
    'dailyCounts.print': (input, ctx) => dailyCounts.print(input, caller(ctx.clientId)),
  };
}
