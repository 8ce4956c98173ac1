import { create } from 'zustand';
import type { StationStatus } from '../../../shared/contract/schemas';
import { station } from '../../station-client/station-client';

interface StatusState {
  status: StationStatus | null;
  refresh(): Promise<void>;
}

export const useStationStatus = create<StatusState>((set) => ({
  status: null,
  async refresh() {
    try {
      set({ status: await station.call('station.status', {}) });
    } catch {
      set({ status: null });
    }
  },
}));

/** Keeps the status bar current from the station's pushed events; a full refresh only when scanners come or go. */
export function followStationStatus(): () => void {
  const { refresh } = useStationStatus.getState();
  void refresh();
  const patch = (change: Partial<StationStatus>) => useStationStatus.setState((state) => (state.status ? { status: { ...state.status, ...change } } : state));
  const stops = [
    station.on('hub.status', (hub) => patch({ hub })),
    station.on('hub.embedded', (embeddedHub) => patch({ embeddedHub })),
    station.on('outbox.depth', ({ depth }) => patch({ outboxDepth: depth })),
    station.on('clock.offset', ({ offsetMs }) => patch({ clockOffsetMs: offsetMs })),
    station.on('scanner.connected', () => void refresh()),
    station.on('scanner.disconnected', () => void refresh()),
  ];
  return () => stops.forEach((stop) => stop());
}
