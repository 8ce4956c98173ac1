import { placeSku } from '../services/sku-locations';
import type { FloorEventHandler } from './event-context';

/**
 * Putaway on the floor: the clerk scanned a SKU, then the bin it went into. The station's branch is where it was
 * shelved; a SKU unknown at the hub is refused (not-found) and nothing is written.
 */
export const locateSku: FloorEventHandler<'sku.located'> = async (payload, context) => {
  await placeSku(context.trx, { branchCode: context.branchCode, sku: payload.sku, bin: payload.bin, updatedBy: context.userId }, context.occurredAt);
};
