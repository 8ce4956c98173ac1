import { create } from 'zustand';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import { station } from '../../station-client/station-client';

interface PrintJobsState {
  /** Every job the station reported, by id, newest status. */
  jobs: Record<string, PrintJobStatus>;
  loaded: boolean;
  panelOpen: boolean;
  /** The station's kept jobs (after a start or a reload: dismissed ones stay dismissed). */
  load(): Promise<void>;
  moved(job: PrintJobStatus): void;
  setPanelOpen(open: boolean): void;
}

export const usePrintJobs = create<PrintJobsState>((set, get) => ({
  jobs: {},
  loaded: false,
  panelOpen: false,
  async load() {
    const jobs = await station.call('printing.jobs', {});
    set({ jobs: { ...Object.fromEntries(jobs.map((job) => [job.jobId, job])), ...get().jobs }, loaded: true });
  },
  moved(job) {
    set({ jobs: { ...get().jobs, [job.jobId]: job } });
  },
  setPanelOpen(open) {
    set({ panelOpen: open });
  },
}));

/** Jobs someone has to deal with: failed, or not printed yet, and not marked as dealt with. */
export function jobsNeedingAttention(jobs: Record<string, PrintJobStatus>): PrintJobStatus[] {
  return Object.values(jobs).filter((job) => job.state !== 'done' && job.dismissed !== true && (job.state === 'failed' || job.state === 'waiting-for-printer'));
}
