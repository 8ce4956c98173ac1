import { callerId, type HandlerSlice } from '../contract-host/dispatcher';
import type { PutawayService } from './putaway-service';

/** Putaway: scan an item, then its bin; the item in hand belongs to the window (client) that scanned it. */
export function putawayHandlers(putaway: PutawayService): HandlerSlice<'putaway.scan' | 'putaway.pending' | 'putaway.clear' | 'putaway.location'> {
  return {
    'putaway.scan': (input, ctx) => putaway.scan(ctx.clientId, input.code, callerId(ctx)),
    'putaway.pending': (_input, ctx) => putaway.pending(ctx.clientId),
    'putaway.clear': (_input, ctx) => ({ cleared: putaway.clear(ctx.clientId) }),
    'putaway.location': (input) => putaway.location(input.sku),
  };
}
