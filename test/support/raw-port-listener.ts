import { createServer, type Server } from 'node:net';

/**
 * A raw printer port (what a Zebra or an office printer listens on at 9100) on loopback: every connection is one
 * job, read until the sender half-closes, then closed from this side as a printer does.
 */
export interface RawPortListener {
  port: number;
  /** Each job's bytes, in the order they arrived. */
  jobs: Buffer[];
  /** Resolves with the n-th job (0-based) once it has arrived whole. */
  job(index: number, timeoutMs?: number): Promise<Buffer>;
  close(): Promise<void>;
}

export async function listenAsPrinter(port = 0): Promise<RawPortListener> {
  const jobs: Buffer[] = [];
  const arrivals: Array<() => void> = [];
  const server: Server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
      socket.end();
      for (const notify of arrivals.splice(0)) notify();
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the listener has no TCP address');

  return {
    port: address.port,
    jobs,
    async job(index, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (jobs.length <= index) {
        if (Date.now() > deadline) throw new Error(`job ${index + 1} did not arrive within ${timeoutMs} ms (${jobs.length} arrived)`);
        await new Promise<void>((resolve) => {
          arrivals.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return jobs[index]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening on it: a printer that is switched off. */
export async function unusedPort(): Promise<number> {
  const listener = await listenAsPrinter();
  await listener.close();
  return listener.port;
}
