/**
 * What is written on a box: the seller id and the bundle number, e.g. `sakura-shop IB00000003`,
 * `sakura-shop/IB00000003`, or the number alone. Scanners and hands both produce these.
 */
export function parseBoxCode(code: string): { bundleId: string; sellerId: string | null } | null {
  const match = /^\s*(?:([A-Za-z0-9_.-]{1,50})[\s/:_-]+)?(IB\d{8})\s*$/i.exec(code);
  if (!match) return null;
  return { bundleId: (match[2] as string).toUpperCase(), sellerId: match[1] ?? null };
}
