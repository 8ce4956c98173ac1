import { create } from 'zustand';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import type { DailyCountFigure } from '../../../shared/hub/routes/daily-counts';

/** The branch shown: this station's (the default), every branch, or one named by its code. */
export type BranchChoice = { kind: 'station' } | { kind: 'all' } | { kind: 'code'; code: string };

interface DailyCountsState {
  /** The Tokyo day shown; null: today, as the station reckons it. */
  date: string | null;
  branch: BranchChoice;
  /** The figure whose rows are open in the drill-down panel. */
  open: DailyCountFigure | null;
  /** The last export and print of this screen: the saved file's path is shown, the print job followed. */
  exported: { path: string } | null;
  printed: { path: string; job: PrintJobStatus } | null;
  choose(date: string | null): void;
  chooseBranch(branch: BranchChoice): void;
  drill(figure: DailyCountFigure | null): void;
  exportedTo(path: string): void;
  printedTo(path: string, job: PrintJobStatus): void;
  /** A print.job event: the report's job moved on. */
  jobMoved(job: PrintJobStatus): void;
}

export const useDailyCounts = create<DailyCountsState>((set, get) => ({
  date: null,
  branch: { kind: 'station' },
  open: null,
  exported: null,
  printed: null,
  // Another day or branch is another set of figures: the open list and the last files belonged to the old one.
  choose: (date) => set({ date, open: null, exported: null, printed: null }),
  chooseBranch: (branch) => set({ branch, open: null, exported: null, printed: null }),
  drill: (open) => set({ open }),
  exportedTo: (path) => set({ exported: { path } }),
  printedTo: (path, job) => set({ printed: { path, job } }),
  jobMoved(job) {
    const printed = get().printed;
    if (printed && printed.job.jobId === job.jobId) set({ printed: { ...printed, job } });
  },
}));

/** The station call's input for the day and branch chosen. */
export function dayInput(date: string | null, branch: BranchChoice): { date?: string; branchCode?: string | null } {
  const day = date ? { date } : {};
  if (branch.kind === 'all') return { ...day, branchCode: null };
  if (branch.kind === 'code') return { ...day, branchCode: branch.code };
  return day;
}
