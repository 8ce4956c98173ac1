import { create } from 'zustand';
import { defaultWedgeSettings, type WedgeSettings } from './wedge-detector';

const storageKey = 'qwms.wedgeSettings';

function load(): WedgeSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<WedgeSettings> | null;
    return { ...defaultWedgeSettings, ...saved };
  } catch {
    return defaultWedgeSettings;
  }
}

interface WedgeSettingsState {
  settings: WedgeSettings;
  update(change: Partial<WedgeSettings>): void;
}

/** Per-station keyboard-wedge tuning, kept in the station window's storage. */
export const useWedgeSettings = create<WedgeSettingsState>((set, get) => ({
  settings: load(),
  update(change) {
    const settings = { ...get().settings, ...change };
    localStorage.setItem(storageKey, JSON.stringify(settings));
    set({ settings });
  },
}));
