import type { TFunction } from 'i18next';
import { StationCallError } from '../station-client/station-client';

/** A station refusal in the user's language; anything else is an internal error to them. */
export function errorText(t: TFunction, error: unknown): string {
  return t(`errors.${error instanceof StationCallError ? error.error.code : 'internal'}`);
}
