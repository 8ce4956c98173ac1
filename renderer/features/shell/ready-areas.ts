import type { WorkArea } from '../../../shared/domain/roles';

/** Areas whose screens exist; the rest of a role's menu is shown as coming soon. */
export const readyAreas: ReadonlySet<WorkArea> = new Set(['receiving', 'inspection', 'station-settings', 'scan-check', 'packing', 'putaway', 'picking', 'manifest']);
