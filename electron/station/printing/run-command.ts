import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class CommandNotFoundError extends Error {
  override readonly name = 'CommandNotFoundError';
}

export class CommandTimeoutError extends Error {
  override readonly name = 'CommandTimeoutError';
}

/** Runs a program without a shell (arguments reach it as they are), feeding `input` on its standard input. */
export function runCommand(command: string, args: readonly string[], input: Buffer | null, timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...(env ? { env } : {}) });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new CommandTimeoutError(`${command} did not finish within ${Math.round(timeoutMs / 1000)} s`)));
    }, timeoutMs);

    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      settle(() => reject(error.code === 'ENOENT' ? new CommandNotFoundError(`${command} is not installed`) : error)),
    );
    // A program that exits without reading all its input (bad arguments) breaks the pipe; its exit says why, not EPIPE.
    child.stdin.on('error', () => {});
    child.once('close', (code) => settle(() => resolve({ code, stdout, stderr })));
    child.stdin.end(input ?? undefined);
  });
}
