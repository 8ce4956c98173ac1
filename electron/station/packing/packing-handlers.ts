import { callerId, type HandlerSlice } from '../contract-host/dispatcher';
import type { PackingService } from './packing-service';

/** The pack bench: open an order, cart or pick list, scan units, label, scan out, void a label. */
export function packingHandlers(packing: PackingService): HandlerSlice<'packing.open' | 'packing.scan' | 'packing.label' | 'packing.ship' | 'packing.void'> {
  return {
    'packing.open': (input) => packing.open(input.code),
    'packing.scan': (input, ctx) => packing.scan(input.orderId, input.code, callerId(ctx), input.bench),
    'packing.label': (input, ctx) => packing.label(input.orderId, input.service, input.timeSlot, callerId(ctx)),
    'packing.ship': (input, ctx) => packing.ship(input.orderId, input.code, callerId(ctx)),
    'packing.void': (input, ctx) => packing.void(input.orderId, input.reason, callerId(ctx)),
  };
}
