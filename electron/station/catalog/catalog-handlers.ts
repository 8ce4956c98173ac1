import type { HandlerSlice } from '../contract-host/dispatcher';
import type { StationPrinting } from '../printing/station-printing';
import type { StationStore } from '../store/station-store';
import { skuCard, skuLabelRun } from './sku-card';

/** A SKU looked up by any of its codes, and a run of its labels printed. */
export function catalogHandlers(deps: { store: StationStore; printers: StationPrinting }): HandlerSlice<'catalog.skuCard' | 'printing.skuLabelsFor'> {
  const { store, printers } = deps;
  return {
    'catalog.skuCard': (input) => skuCard(store, input.code),
    'printing.skuLabelsFor': async (input) => {
      const card = skuCard(store, input.code);
      return { card, job: card ? await printers.skuLabels(skuLabelRun(card, input.quantity)) : null };
    },
  };
}
