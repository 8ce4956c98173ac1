import type { StoreApi, UseBoundStore } from 'zustand';
import { useInspection } from '../inspection/inspection-store';
import { useManifest } from '../manifest/manifest-store';
import { usePack } from '../packing/pack-store';
import { usePick } from '../picking/pick-store';
import { usePutaway } from '../putaway/putaway-store';
import { useFeedback } from '../scanning/feedback-store';
import { useScanLog } from '../scanning/scan-store';
import { useSkuLabels } from '../sku-labels/sku-labels-store';
import { useStockCount } from '../stock-count/stock-count-store';
import { useNavigation } from './navigation-store';

/**
 * Screen state that belongs to whoever is signed in: the pack bench's orders, the open pick list, the bundle on the
 * inspection table, the putaway in hand, the manifest day, the open area, the last message and scans. A store kept
 * across a sign-out shows the next user the previous user's work (an order on the bench is then "unknown"), so all of
 * them go back to how they started when the user changes. A new per-user store is added here.
 */
const perUserStores: readonly UseBoundStore<StoreApi<object>>[] = [
  usePack,
  usePick,
  usePutaway,
  useInspection,
  useSkuLabels,
  useManifest,
  useStockCount,
  useNavigation,
  useFeedback,
  useScanLog,
] as never;

export function forgetPreviousUser(): void {
  for (const store of perUserStores) store.setState(store.getInitialState(), true);
}
