import { describe, expect, it } from 'vitest';
import type { EmbeddedHubStatus } from '../../../shared/contract/schemas';
import { superviseEmbeddedHub, type HubExit, type HubProcessHandle } from '../../../electron/station/embedded-hub/hub-supervisor';

/** A stand-in hub process the test ends at will; launches that should fail reject as a hub dying on start would. */
class FakeHubs {
  readonly ports: number[] = [];
  readonly delays: number[] = [];
  private readonly running: ((exit: HubExit) => void)[] = [];
  failNext = 0;

  launch = async (port: number): Promise<HubProcessHandle> => {
    this.ports.push(port);
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('the embedded hub stopped before it was ready (exit 1): EADDRINUSE');
    }
    let end!: (exit: HubExit) => void;
    const exited = new Promise<HubExit>((resolve) => (end = resolve));
    this.running.push(end);
    return { url: `http://127.0.0.1:${port === 0 ? 47001 : port}`, exited, stop: async () => end({ code: 0, signal: 'SIGTERM' }) };
  };

  sleep = async (ms: number) => {
    this.delays.push(ms);
  };

  kill(): void {
    this.running.shift()?.({ code: null, signal: 'SIGKILL' });
  }
}

function nextStatus(
  hub: { onStatus(listener: (status: EmbeddedHubStatus) => void): () => void },
  state: EmbeddedHubStatus['state'],
): Promise<EmbeddedHubStatus> {
  return new Promise((resolve) => {
    const stop = hub.onStatus((status) => {
      if (status.state !== state) return;
      stop();
      resolve(status);
    });
  });
}

describe('the embedded hub supervisor', () => {
  it('restarts a dead hub on the port it had, waiting 1 s, 2 s, 4 s … at most 30 s while it keeps failing, and reports each step', async () => {
    const hubs = new FakeHubs();
    const hub = await superviseEmbeddedHub(hubs.launch, { log: () => {}, sleep: hubs.sleep, stableMs: Number.POSITIVE_INFINITY });
    expect(hub.url).toBe('http://127.0.0.1:47001');
    expect(hub.status()).toMatchObject({ state: 'running', restarts: 0, lastExit: null });

    const seen: EmbeddedHubStatus[] = [];
    hub.onStatus((status) => seen.push(status));
    hubs.failNext = 6;
    const running = nextStatus(hub, 'running');
    hubs.kill();
    expect(await running).toMatchObject({ state: 'running', restarts: 7, lastExit: { code: null, signal: 'SIGKILL' } });
    // The first start takes any free port; every restart asks for that same one.
    expect(hubs.ports).toEqual([0, 47001, 47001, 47001, 47001, 47001, 47001, 47001]);
    expect(hubs.delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(seen.map((status) => [status.state, status.restarts])).toEqual([
      ['restarting', 1],
      ['restarting', 2],
      ['restarting', 3],
      ['restarting', 4],
      ['restarting', 5],
      ['failed', 6],
      ['failed', 7],
      ['running', 7],
    ]);
    expect(hub.url).toBe('http://127.0.0.1:47001');
    await hub.stop();
  });

  it('keeps backing off when a restarted hub dies again at once, and starts over after a hub that ran a good while', async () => {
    const hubs = new FakeHubs();
    const hub = await superviseEmbeddedHub(hubs.launch, { log: () => {}, sleep: hubs.sleep, stableMs: 0 });
    // stableMs 0: every hub counts as having run long enough, so each death starts from the first delay again.
    for (let death = 1; death <= 3; death++) {
      const running = nextStatus(hub, 'running');
      hubs.kill();
      await running;
    }
    expect(hubs.delays).toEqual([1000, 1000, 1000]);
    await hub.stop();

    const quick = new FakeHubs();
    const flapping = await superviseEmbeddedHub(quick.launch, { log: () => {}, sleep: quick.sleep, stableMs: Number.POSITIVE_INFINITY });
    for (let death = 1; death <= 3; death++) {
      const running = nextStatus(flapping, 'running');
      quick.kill();
      await running;
    }
    expect(quick.delays).toEqual([1000, 2000, 4000]);
    expect(flapping.status()).toMatchObject({ state: 'running', restarts: 3 });
    await flapping.stop();
  });
});
