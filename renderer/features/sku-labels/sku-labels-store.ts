import { create } from 'zustand';
import type { PrintJobStatus } from '../../../shared/contract/schemas';
import type { SkuCard } from '../../../shared/contract/sku-labels';

/** A print of this screen: its status, and how many labels of which SKU. */
export interface SkuLabelsJob {
  status: PrintJobStatus;
  quantity: number;
  sku: string;
}

interface SkuLabelsState {
  /** The SKU on screen, as the station resolved the scanned or typed code. */
  card: SkuCard | null;
  /** The last print of this screen and how many labels it was for; its status follows the station's print.job events. */
  job: SkuLabelsJob | null;
  show(card: SkuCard | null): void;
  printed(job: SkuLabelsJob | null): void;
  /** A status pushed by the station: kept only when it is this screen's job. */
  follow(status: PrintJobStatus): void;
}

/** The SKU label screen's state: the SKU chosen and the labels last sent for it. */
export const useSkuLabels = create<SkuLabelsState>((set) => ({
  card: null,
  job: null,
  show: (card) => set({ card }),
  printed: (job) => set({ job }),
  follow: (status) => set((state) => (state.job && state.job.status.jobId === status.jobId ? { job: { ...state.job, status } } : state)),
}));
