import type { JSX } from 'react';
import type { WorkArea } from '../../../shared/domain/roles';
import { DailyCountsScreen } from '../daily-counts/DailyCountsScreen';
import { InspectionScreen } from '../inspection/InspectionScreen';
import { ManifestScreen } from '../manifest/ManifestScreen';
import { PackScreen } from '../packing/PackScreen';
import { PickScreen } from '../picking/PickScreen';
import { PutawayScreen } from '../putaway/PutawayScreen';
import { DockScreen } from '../receiving/DockScreen';
import { ScanCheckScreen } from '../scanning/ScanCheckScreen';
import { SkuLabelsScreen } from '../sku-labels/SkuLabelsScreen';
import { StockCountScreen } from '../stock-count/StockCountScreen';
import { StationSettingsScreen } from '../station-settings/StationSettingsScreen';

/** The screen of each work area that has one; the rest of a role's menu is shown as coming soon. */
export const areaScreens: Partial<Record<WorkArea, () => JSX.Element>> = {
  'scan-check': ScanCheckScreen,
  receiving: DockScreen,
  inspection: InspectionScreen,
  putaway: PutawayScreen,
  'sku-labels': SkuLabelsScreen,
  picking: PickScreen,
  packing: PackScreen,
  manifest: ManifestScreen,
  'stock-count': StockCountScreen,
  'daily-counts': DailyCountsScreen,
  'station-settings': StationSettingsScreen,
};

export const readyAreas: ReadonlySet<WorkArea> = new Set(Object.keys(areaScreens) as WorkArea[]);
