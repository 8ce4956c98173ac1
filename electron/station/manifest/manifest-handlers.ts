import type { HandlerSlice } from '../contract-host/dispatcher';
import type { ManifestService } from './manifest-service';

/** The day's shipping manifest per carrier, shown and printed. */
export function manifestHandlers(manifests: ManifestService): HandlerSlice<'manifest.day' | 'manifest.print'> {
  return {
    'manifest.day': (input) => manifests.day(input.date),
    'manifest.print': (input) => manifests.print(input.date, input.service),
  };
}
