import type { EmbeddedHubStatus } from '../../../shared/contract/schemas';

/** How a hub process ended. */
export interface HubExit {
  code: number | null;
  signal: string | null;
}

/** One started `qwms hub` process (a child process in web mode, a utilityProcess in Electron). */
export interface HubProcessHandle {
  url: string;
  exited: Promise<HubExit>;
  stop(): Promise<void>;
}

/** Starts one hub process listening on `port` (0: any free port); rejects if it ends before it is ready. */
export type LaunchHub = (port: number) => Promise<HubProcessHandle>;

/** The station's own hub: where it listens (the same for its whole life), and what happened to it. */
export interface EmbeddedHub {
  url: string;
  status(): EmbeddedHubStatus;
  onStatus(listener: (status: EmbeddedHubStatus) => void): () => void;
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  log(line: string): void;
  /** The first wait before a restart; doubled after each quick death or failed start, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** A hub that ran this long before it died was healthy: the next restart waits `firstDelayMs` again. */
  stableMs?: number;
  /** Consecutive failed starts after which the status says "failed" (it keeps trying at `maxDelayMs`). */
  failedAfter?: number;
  /** How a wait before a restart is made (tests record the delays instead of waiting them out). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Keeps a single-PC warehouse's hub running: when its process dies it is started again, on the same port (the
 * station's hub URL stays valid), after 1 s, 2 s, 4 s … up to 30 s while it keeps dying or failing to start. Every
 * step is a status the station shows on the status bar. The first start is not retried: a hub that cannot start at
 * all fails the station's start with its output.
 */
export async function superviseEmbeddedHub(launch: LaunchHub, options: SuperviseOptions): Promise<EmbeddedHub> {
  const firstDelayMs = options.firstDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const stableMs = options.stableMs ?? 60_000;
  const failedAfter = options.failedAfter ?? 5;

  let current = await launch(0);
  const url = current.url;
  const port = Number(new URL(url).port);
  let status: EmbeddedHubStatus = { state: 'running', restarts: 0, lastExit: null, since: new Date().toISOString() };
  const listeners = new Set<(status: EmbeddedHubStatus) => void>();
  let stopping = false;
  let cancelWait: (() => void) | null = null;
  let nextDelayMs = firstDelayMs;
  let startedAt = Date.now();

  const update = (change: Partial<EmbeddedHubStatus>) => {
    status = { ...status, ...change, since: new Date().toISOString() };
    for (const listener of listeners) listener(status);
  };
  const wait = (ms: number): Promise<void> =>
    options.sleep?.(ms) ??
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        cancelWait = null;
        resolve();
      }
      cancelWait = done;
    });

  const watch = (hub: HubProcessHandle) => {
    startedAt = Date.now();
    void hub.exited.then((exit) => {
      if (!stopping && hub === current) void restart(exit);
    });
  };

  const restart = async (exit: HubExit) => {
    if (Date.now() - startedAt >= stableMs) nextDelayMs = firstDelayMs;
    options.log(`the embedded hub stopped (exit code ${exit.code}, signal ${exit.signal}); starting it again on ${url}`);
    update({ state: 'restarting', restarts: status.restarts + 1, lastExit: { ...exit, at: new Date().toISOString() } });
    let failures = 0;
    for (;;) {
      await wait(nextDelayMs);
      nextDelayMs = Math.min(nextDelayMs * 2, maxDelayMs);
      if (stopping) return;
      try {
        const hub = await launch(port);
        if (stopping) {
          await hub.stop();
          return;
        }
        current = hub;
        options.log(`the embedded hub is running again at ${hub.url}`);
        update({ state: 'running' });
        watch(hub);
        return;
      } catch (error) {
        failures += 1;
        options.log(`the embedded hub could not be started again: ${error instanceof Error ? error.message : String(error)}`);
        update({ state: failures >= failedAfter ? 'failed' : 'restarting', restarts: status.restarts + 1 });
      }
    }
  };
  watch(current);

  return {
    url,
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopping = true;
      cancelWait?.();
      await current.stop();
    },
  };
}
