import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredPrintJob } from './print-job';

/**
 * Print jobs as files under `<dataDir>/print-jobs`: `<id>.json` for the job and `<id>.bin` for the bytes the printer
 * gets. Written to a temporary name, flushed to disk and renamed, so a power cut leaves the old file or the new one,
 * never half of one; the bytes are written before the job that points at them.
 */
export class PrintJobStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'print-jobs');
    mkdirSync(this.dir, { recursive: true });
  }

  savePayload(jobId: string, bytes: Buffer): void {
    writeDurably(this.payloadPath(jobId), bytes);
  }

  save(job: StoredPrintJob): void {
    writeDurably(this.jobPath(job.jobId), Buffer.from(JSON.stringify(job)));
  }

  payload(jobId: string): Buffer | null {
    try {
      return readFileSync(this.payloadPath(jobId));
    } catch {
      return null;
    }
  }

  /** Every readable job, oldest first; `onUnreadable` hears of the files that are not. */
  loadAll(onUnreadable: (file: string, reason: string) => void): StoredPrintJob[] {
    const jobs: StoredPrintJob[] = [];
    for (const file of readdirSync(this.dir)) {
      if (!file.endsWith('.json')) continue;
      try {
        jobs.push(JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as StoredPrintJob);
      } catch (error) {
        onUnreadable(file, error instanceof Error ? error.message : String(error));
      }
    }
    return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.sequence - b.sequence);
  }

  remove(jobId: string): void {
    rmSync(this.jobPath(jobId), { force: true });
    rmSync(this.payloadPath(jobId), { force: true });
  }

  private jobPath(jobId: string): string {
    return join(this.dir, `${jobId}.json`);
  }

  private payloadPath(jobId: string): string {
    return join(this.dir, `${jobId}.bin`);
  }
}

function writeDurably(path: string, bytes: Buffer): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
