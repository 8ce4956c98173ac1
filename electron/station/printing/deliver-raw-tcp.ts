import { connect } from 'node:net';
import { PrinterUnavailableError } from './delivery-errors';

export interface RawTcpTarget {
  host: string;
  port: number;
}

/**
 * Sends a job to a printer's raw port (9100): connect, write everything, half-close, and wait until the printer
 * closes its side too, which is how a raw port says it has read the job. Any failure, or no close within
 * `timeoutMs`, means the printer did not take the job, so the queue sends the whole job again later: a label
 * printed twice is better than one never printed.
 */
export function sendRawTcp(target: RawTcpTarget, bytes: Buffer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const where = `${target.host}:${target.port}`;
    const socket = connect({ host: target.host, port: target.port });
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () =>
        finish(
          new PrinterUnavailableError(`${where} did not take the job within ${Math.round(timeoutMs / 1000)} s`, {
            code: 'timeout',
            params: { printer: where },
          }),
        ),
      timeoutMs,
    );

    socket.once('connect', () => socket.end(bytes));
    // Some printers answer with status bytes; they are read and dropped so the printer's close reaches us.
    socket.on('data', () => {});
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish(
        new PrinterUnavailableError(`${where} refused or dropped the connection (${error.code ?? error.message})`, {
          code: 'printer-unreachable',
          params: { printer: where },
        }),
      ),
    );
    socket.once('close', (hadError) => {
      if (hadError) return; // 'error' already said why
      if (socket.bytesWritten < bytes.length)
        finish(
          new PrinterUnavailableError(`${where} closed the connection before the whole job was sent`, {
            code: 'printer-unreachable',
            params: { printer: where },
          }),
        );
      else finish();
    });
  });
}
