import { callerId, type HandlerSlice } from '../contract-host/dispatcher';
import type { HubSessionService } from '../session/hub-session-service';
import type { PickListPrinting } from './pick-list-printing';
import type { PickingService } from './picking-service';

export interface PickingHandlerDeps {
  picking: PickingService;
  pickPrinting: PickListPrinting;
  /** Pick lists are made by the hub in the caller's name and language. */
  sessions: Pick<HubSessionService, 'tokenOf' | 'languageOf'>;
}

/** Pick lists: made by the hub, listed, opened, printed, and picked by scanning. */
export function pickingHandlers(deps: PickingHandlerDeps): HandlerSlice<'picking.make' | 'picking.lists' | 'picking.open' | 'picking.print' | 'picking.scan'> {
  const { picking, pickPrinting, sessions } = deps;
  return {
    'picking.make': (input, ctx) =>
      picking.make(input.ordersPerList, { userId: callerId(ctx), token: sessions.tokenOf(ctx.clientId), language: sessions.languageOf(ctx.clientId) }),
    'picking.lists': () => picking.lists(),
    'picking.open': (input) => picking.open(input.code),
    'picking.print': (input) => pickPrinting.print(input.pickListId),
    'picking.scan': (input, ctx) => picking.scan(input.pickListId, input.code, callerId(ctx)),
  };
}
