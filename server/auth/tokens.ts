import { createHash, randomBytes } from 'node:crypto';

/** Session tokens are random; the hub keeps only their hash, so a copied database signs nobody in. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
