import type { AnyStationEvent, EventName, EventPayload } from '../../../shared/contract/station-contract';

type Listener = (event: AnyStationEvent) => void;

/** Fans station events out to every connected window; a throwing listener must not starve the others. */
export class StationEventBus {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly log: (message: string) => void) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as AnyStationEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log(`station event listener failed on ${name}: ${String(error)}`);
      }
    }
  }
}
