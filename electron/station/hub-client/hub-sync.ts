import type { Change } from '../../../shared/contract/floor-events';
import type { HubProblem, HubStatus } from '../../../shared/contract/schemas';
import { isClockSkewed } from '../../../shared/domain/clock-skew';
import { feedVersion } from '../../../shared/hub/feed';
import type { StationStore } from '../store/station-store';
import type { HubApi, HubRouteName } from '../../../shared/hub/hub-api';
import type { HubRouteAnswer, HubRouteCall } from '../../../shared/hub/route';
import { HubContractError, hubCallTimed, HubUnreachable, type HubCredentials } from './hub-http';

export interface HubSyncEvents {
  onStatus(status: HubStatus): void;
  onOutboxDepth(depth: number): void;
  onRejected?(eventId: string, reason: string, message: string | null): void;
  onChanges?(changes: Change[]): void;
  /** The hub's clock minus the station's moved (by more than a few seconds) or crossed the warning threshold. */
  onClockOffset?(offsetMs: number | null): void;
  log?(message: string): void;
}

export interface HubSyncOptions {
  /** How often to look for hub changes when nothing else wakes the loop. */
  pollMs?: number;
  batchSize?: number;
  maxBackoffMs?: number;
  /** The station's clock (tests set it off to see the skew warning); the same clock stamps the outbox. */
  now?: () => Date;
  /** How often at most the station tells the hub its outbox and print problems (`stations.report`); 30 s by default. */
  reportEveryMs?: number;
}

/** A new offset is reported only when it moved this much: the Date header has whole seconds, so it jitters by one. */
const offsetReportStepMs = 5000;

/**
 * Keeps one station and the hub in step: pushes the outbox in order (retrying with backoff while the hub is away,
 * settling each event by the hub's answer) and pulls the changes feed into the local cache.
 */
export class HubSync {
  private stopped = false;
  /** The feed version the hub last sent with a changes page, when it sends one. */
  private hubFeedVersion: number | null = null;
  private kicked = false;
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private status: HubStatus;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => Date;
  private offsetMs: number | null = null;
  private readonly reportEveryMs: number;
  /** When the last report went (a monotonic clock: the station's own may be set off); null before the first. */
  private reportedAt: number | null = null;
  private lastReportError: string | null = null;
  private printProblems: () => number = () => 0;

  constructor(
    private readonly credentials: HubCredentials,
    private readonly store: StationStore,
    private readonly events: HubSyncEvents,
    options: HubSyncOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 3000;
    this.batchSize = options.batchSize ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.reportEveryMs = options.reportEveryMs ?? 30_000;
    this.status = { state: 'offline', url: credentials.url, since: this.now().toISOString() };
  }

  get hubStatus(): HubStatus {
    return this.status;
  }

  /** The hub's clock minus this station's, from the latest answer; null until the hub has answered. */
  get clockOffsetMs(): number | null {
    return this.offsetMs;
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** Where the print problems it reports come from (failed or waiting print jobs); the print service starts later. */
  reportPrintProblems(count: () => number): void {
    this.printProblems = count;
  }

  /** Something was appended to the outbox: push now instead of at the next poll. */
  kick(): void {
    this.kicked = true;
    if (this.status.state === 'online') this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    let backoffMs = 250;
    while (!this.stopped) {
      try {
        await this.pushAll();
        await this.pullAll();
        await this.reportIfDue();
        this.setState('online', this.feedProblem());
        backoffMs = 250;
        await this.sleep(this.pollMs, true);
      } catch (error) {
        if (error instanceof HubContractError) {
          // A hub of another version: it answers, but not in words this station reads. Nothing of the answer was
          // used, so the outbox is as it was (its events wait, pending); the status bar names the route and version.
          this.setState('online', { code: 'hub-contract', route: error.route, hubVersion: error.hubVersion });
        } else this.setState('offline');
        if (!(error instanceof HubUnreachable)) this.events.log?.(`hub sync: ${error instanceof Error ? error.message : String(error)}`);
        // While the hub is away, new events do not cut the backoff short: they wait in the outbox.
        await this.sleep(backoffMs, false);
        backoffMs = Math.min(backoffMs * 2, this.maxBackoffMs);
      }
    }
  }

  private async pushAll(): Promise<void> {
    for (;;) {
      const batch = this.store.pending(this.batchSize);
      if (batch.length === 0) return;
      const events = batch.map(({ eventId, seq, kind, payload, occurredAt, userId }) => ({ eventId, seq, kind, payload, occurredAt, userId }));
      const answer = await this.call('sync.push', { body: { events } });
      const settled = answer.results.flatMap((result): { eventId: string; state: 'applied' | 'rejected'; reason: string | null; message: string | null }[] => {
        if (result.status === 'applied' || result.status === 'duplicate') return [{ eventId: result.eventId, state: 'applied', reason: null, message: null }];
        if (result.status === 'rejected') return [{ eventId: result.eventId, state: 'rejected', reason: result.reason, message: result.message }];
        return [];
      });
      this.store.settleAll(settled);
      for (const result of settled) if (result.state === 'rejected') this.events.onRejected?.(result.eventId, result.reason ?? 'rejected', result.message);
      this.events.onOutboxDepth(this.store.pendingCount());
      // Deferred events (a gap) wait for the next round; never spin on them.
      if (settled.length === 0) return;
    }
  }

  private async pullAll(): Promise<void> {
    for (;;) {
      const since = Number(this.store.setting('changes.cursor') ?? 0);
      const page = await this.call('sync.changes', { query: { since, limit: 1000 } });
      if (page.changes.length === 0) return;
      // A change this station cannot read (a newer hub's entity or field shape) is kept unread; the feed moves on.
      const { unread } = this.store.applyChanges(page.changes, page.next);
      if (page.feedVersion !== undefined) this.hubFeedVersion = page.feedVersion;
      if (unread > 0)
        this.events.log?.(
          `hub sync: kept ${unread} change(s) this station cannot read (feed version ${page.feedVersion ?? 'unknown'}, station knows ${feedVersion})`,
        );
      this.events.onChanges?.(page.changes);
    }
  }

  /**
   * After a push and pull, at most every `reportEveryMs`: the outbox's waiting events and the print problems, for the
   * supervisor's day (日次集計). A report the hub does not take (an older hub without the route) changes nothing of
   * the sync: it is logged once and tried again at the next interval.
   */
  private async reportIfDue(): Promise<void> {
    const at = performance.now();
    if (this.reportedAt !== null && at - this.reportedAt < this.reportEveryMs) return;
    this.reportedAt = at;
    try {
      await this.call('stations.report', { body: { outboxWaiting: this.store.pendingCount(), printProblems: this.printProblems() } });
      this.lastReportError = null;
    } catch (error) {
      if (error instanceof HubUnreachable) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastReportError) this.events.log?.(`hub sync: the station's report was not taken: ${message}`);
      this.lastReportError = message;
    }
  }

  /** Changes kept unread are said on the status bar (the station should be updated), not only in the log. */
  private feedProblem(): HubProblem | null {
    const count = this.store.unreadCount();
    return count > 0 ? { code: 'feed-unread', count, hubFeedVersion: this.hubFeedVersion } : null;
  }

  /** One call to the hub; its answer also tells how far the clocks are apart. */
  private async call<N extends HubRouteName>(route: N, call: HubRouteCall<HubApi[N]>): Promise<HubRouteAnswer<HubApi[N]>> {
    const answer = await hubCallTimed(this.credentials, route, call, { now: this.now });
    if (answer.clockOffsetMs !== null) this.noteOffset(answer.clockOffsetMs);
    return answer.body;
  }

  /** Keeps the offset last reported while a new reading only jitters, so the status and the last event always agree. */
  private noteOffset(offsetMs: number): void {
    const reported = this.offsetMs;
    if (reported !== null && Math.abs(offsetMs - reported) < offsetReportStepMs && isClockSkewed(offsetMs) === isClockSkewed(reported)) return;
    this.offsetMs = offsetMs;
    this.events.onClockOffset?.(offsetMs);
  }

  /** A new state, or the same one with another problem (or none any more), is told; a repeat is not. */
  private setState(state: HubStatus['state'], problem: HubProblem | null = null): void {
    const same = this.status.state === state && JSON.stringify(this.status.problem ?? null) === JSON.stringify(problem);
    if (same) return;
    const since = this.status.state === state ? this.status.since : this.now().toISOString();
    this.status = { state, url: this.credentials.url, since, problem };
    this.events.onStatus(this.status);
  }

  private sleep(ms: number, wakeOnKick: boolean): Promise<void> {
    if (wakeOnKick && this.kicked) {
      this.kicked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        this.kicked = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = wakeOnKick ? done : () => this.stopped && done();
    });
  }
}
