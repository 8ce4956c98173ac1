import { create } from 'zustand';
import type { ManifestDayView, ManifestPrintResult } from '../../../shared/contract/manifest';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import type { ParcelService } from '../../../shared/domain/parcel-services';

interface ManifestState {
  /** The Tokyo day shown; null until the station answered with today's. */
  date: string | null;
  view: ManifestDayView | null;
  /** The last print of each service's manifest from this screen, its job kept up to date. */
  printed: Partial<Record<ParcelService, ManifestPrintResult>>;
  show(view: ManifestDayView): void;
  choose(date: string | null): void;
  printedOne(service: ParcelService, result: ManifestPrintResult): void;
  /** A print.job event: the status of a job this screen started moves on. */
  jobMoved(job: PrintJobStatus): void;
}

export const useManifest = create<ManifestState>((set, get) => ({
  date: null,
  view: null,
  printed: {},
  show: (view) => set({ view, date: view.date }),
  choose: (date) => set({ date }),
  printedOne: (service, result) => set({ printed: { ...get().printed, [service]: result } }),
  jobMoved(job) {
    const printed = { ...get().printed };
    let changed = false;
    for (const [service, result] of Object.entries(printed) as [ParcelService, ManifestPrintResult][]) {
      if (result.job.jobId === job.jobId) {
        printed[service] = { ...result, job };
        changed = true;
      }
    }
    if (changed) set({ printed });
  },
}));
