import type { ipcChannels as contractChannels } from '../../shared/contract/wire';

/**
 * A copy of the contract's channel names, because importing wire.ts at run time would bundle zod (~750 kB) into
 * every page load of the preload. The type is the contract's own literal type, so a drifted copy fails to compile.
 */
export const ipcChannels: typeof contractChannels = { invoke: 'qwms:station:invoke', event: 'qwms:station:event' };
