import type { EventName, EventPayloads } from '../contract/operations';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Main's events to its windows: one set of listeners, typed by the contract's payload map. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.listeners.clear();
  }
}
