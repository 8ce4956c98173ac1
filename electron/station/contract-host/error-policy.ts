import { StationFailure, type StationError } from '../../../shared/contract/errors';
import { HubContractError, HubRefusal, HubUnreachable } from '../hub-client/hub-http';

/**
 * The one place a thrown error becomes the answer the screen reads. Services throw a StationFailure for a call that
 * cannot go on (a code the renderer translates), or let a hub error through: the hub away is `hub-offline`, a hub
 * refusal is `hub-refused` with the hub's own sentence, already in the user's language. Anything else is a bug in
 * the station: logged with its stack, answered as `internal` without its English detail.
 */
export function stationErrorOf(method: string, error: unknown, log: (message: string) => void): StationError {
  if (error instanceof StationFailure) {
    const message = error.userMessage === undefined ? {} : { message: error.userMessage };
    return { code: error.code, detail: error.message, ...message };
  }
  if (error instanceof HubUnreachable) return { code: 'hub-offline', detail: `${method}: ${error.message}` };
  if (error instanceof HubRefusal) return { code: 'hub-refused', detail: `${method}: ${error.message}`, message: error.hubMessage };
  // Names the route and the hub's version for whoever reads the log; the screen says the versions do not match.
  if (error instanceof HubContractError) return { code: 'hub-contract', detail: `${method}: ${error.message}` };
  log(`station handler ${method} failed: ${error instanceof Error ? error.stack : String(error)}`);
  return { code: 'internal', detail: `${method} failed` };
}
