import { z } from 'zod';

/** Error codes cross the seam; the renderer shows each in the user's language (i18n key `errors.<code>`). */
export const stationErrorCodes = [
  'unknown-method',
  'bad-input',
  'bad-message',
  'not-signed-in',
  'forbidden',
  'bad-credentials',
  'unknown-badge',
  'forbidden-sender',
  'disconnected',
  'hub-offline',
  /** The hub is away and this person never signed in at this station: there is nothing to check the PIN or badge against. */
  'offline-unknown-user',
  /** Signed in with the hub away: this call needs the user's own hub session, so a sign-in with the hub back. */
  'needs-hub-sign-in',
  'unknown-bundle',
  'bundle-not-arrived',
  'hub-refused',
  /** The hub answered in a shape this station cannot read, or lacks the route (hub and station upgraded apart). */
  'hub-contract',
  'internal',
] as const;
export type StationErrorCode = (typeof stationErrorCodes)[number];

export const stationErrorSchema = z.object({
  code: z.enum(stationErrorCodes),
  /** English detail for logs and developers; never shown instead of the translated code. */
  detail: z.string(),
  /** Already in the user's language (the hub's own words for its refusal); shown as it is. */
  message: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type StationError = z.infer<typeof stationErrorSchema>;

/** Thrown by station handlers to answer with a specific code. */
export class StationFailure extends Error {
  constructor(
    readonly code: StationErrorCode,
    detail: string,
    readonly userMessage?: string,
  ) {
    super(detail);
    this.name = 'StationFailure';
  }
}
