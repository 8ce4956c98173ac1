import { create } from 'zustand';
import type { Scan } from '../../../shared/contract/schemas';

interface ScanLogState {
  /** This window's scans since sign-in, oldest first. */
  scans: Scan[];
  good: number;
  bad: number;
  add(scan: Scan): void;
  clear(): void;
}

export const useScanLog = create<ScanLogState>((set) => ({
  scans: [],
  good: 0,
  bad: 0,
  add: (scan) =>
    set((state) => ({
      scans: [...state.scans, scan],
      good: state.good + (scan.verdict === 'good' ? 1 : 0),
      bad: state.bad + (scan.verdict === 'bad' ? 1 : 0),
    })),
  clear: () => set({ scans: [], good: 0, bad: 0 }),
}));
