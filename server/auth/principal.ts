import type { HubRole } from '../../shared/hub/hub-roles';

/** Who is calling the hub. A seller principal is bound to its own seller and sees nothing else. */
export type Principal =
  | { kind: 'user'; userId: string; name: string; role: Exclude<HubRole, 'station'>; sellerId: string | null }
  | { kind: 'station'; stationId: string; branchCode: string; role: 'station' };

/** The seller a request may touch: a seller user is pinned to its own; staff may name any. */
export function sellerScope(principal: Principal): string | null {
  return principal.kind === 'user' && principal.role === 'seller' ? principal.sellerId : null;
}
