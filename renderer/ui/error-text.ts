import type { TFunction } from 'i18next';
import { StationCallError } from '../station-client/station-client';

/** A station refusal in the user's language (the hub's own words when it refused); anything else is internal. */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof StationCallError)) return t('errors.internal');
  return error.error.message ?? t(`errors.${error.error.code}`);
}
