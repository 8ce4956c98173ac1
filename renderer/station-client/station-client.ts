import type { StationError } from '../../shared/contract/errors';
import type { AnyStationEvent, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../shared/contract/station-contract';
import type { StationBridge } from '../../shared/contract/wire';
import { createWebSocketBridge } from './web-socket-bridge';

declare global {
  interface Window {
    /** Present only inside Electron, put there by preload. */
    qwmsStation?: StationBridge;
  }
}

export class StationCallError extends Error {
  constructor(readonly error: StationError) {
    super(`${error.code}: ${error.detail}`);
    this.name = 'StationCallError';
  }
}

/** The renderer's one way to the station; which transport carries it is decided here and nowhere else. */
export interface StationClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createStationClient(bridge: StationBridge): StationClient {
  return {
    async call(method, input) {
      const result = await bridge.invoke(method, input);
      if (!result.ok) throw new StationCallError(result.error);
      // The station validated this output against the same contract before sending it.
      return result.output as MethodOutput<typeof method>;
    },
    on(name, listener) {
      return bridge.onEvent((event: AnyStationEvent) => {
        if (event.name === name) listener(event.payload as EventPayload<typeof name>);
      });
    },
  };
}

export const station: StationClient = createStationClient(window.qwmsStation ?? createWebSocketBridge());
