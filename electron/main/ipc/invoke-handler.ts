import type { CallResult } from '../../../shared/contract/wire';
import type { Station } from '../../station/station';
import { parseInvokeEnvelope } from './invoke-envelope';
import { senderRefusal, type SenderFacts } from './trusted-sender';

/**
 * The order of checks for one IPC call, free of Electron so it can be tested: sender first (an untrusted frame
 * learns nothing, not even whether its payload was well formed), then the envelope, then the station, which
 * validates the method's input and the caller's role itself. Always answers; never rejects.
 */
export function createInvokeHandler(
  station: Pick<Station, 'dispatch'>,
  clientId: string,
  log: (message: string) => void,
): (sender: SenderFacts, rawEnvelope: unknown) => Promise<CallResult> {
  return async (sender, rawEnvelope) => {
    const refusal = senderRefusal(sender);
    if (refusal !== null) {
      log(`refused an IPC call: ${refusal}`);
      return { ok: false, error: { code: 'forbidden-sender', detail: refusal } };
    }
    const parsed = parseInvokeEnvelope(rawEnvelope);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { method, input } = parsed.envelope;
    try {
      return await station.dispatch(method, input, clientId);
    } catch (error) {
      log(`station.dispatch(${method}) threw: ${error instanceof Error ? error.stack : String(error)}`);
      return { ok: false, error: { code: 'internal', detail: `${method} failed` } };
    }
  };
}
