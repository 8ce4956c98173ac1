import type { FastifyRequest } from 'fastify';
import type { BundleScope } from '../services/inbound';
import { sellerScope } from '../auth/principal';
import { notFound, Refusal } from '../services/refusal';

/**
 * The seller a request acts for. A seller user always acts for its own seller: naming another is answered as if that
 * seller did not exist, so one seller cannot even learn which other sellers there are.
 */
export function actingSeller(request: FastifyRequest, requested: string | undefined): string {
  const own = request.principal ? sellerScope(request.principal) : null;
  if (own) {
    if (requested !== undefined && requested !== own) throw notFound('seller', requested);
    return own;
  }
  if (!requested) throw new Refusal('bad-input', { fields: 'sellerId' });
  return requested;
}

/** For reads across sellers: a seller user sees its own seller only, staff see all (or the one they name). */
export function sellerFilter(request: FastifyRequest, requested: string | undefined): string | null {
  const own = request.principal ? sellerScope(request.principal) : null;
  if (own) return actingSeller(request, requested);
  return requested ?? null;
}

/** A seller sees its own bundles; a station the bundles of its own branch; staff see every one. */
export function bundleScope(request: FastifyRequest): BundleScope {
  const principal = request.principal!;
  return { onlySeller: sellerFilter(request, undefined), onlyBranch: principal.kind === 'station' ? principal.branchCode : null };
}
