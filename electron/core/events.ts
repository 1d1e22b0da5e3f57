import type { EventName, Events } from '../../shared/api';

type Listener<E extends EventName> = (payload: Events[E]) => void;

/** Typed fan-out of core events to whichever transports are attached (IPC, WebSocket). */
export class EventHub {
  private listeners = new Map<EventName, Set<Listener<never>>>();

  on<E extends EventName>(name: E, fn: Listener<E>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(fn as Listener<never>);
    this.listeners.set(name, set);
    return () => set.delete(fn as Listener<never>);
  }

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const fn of this.listeners.get(name) ?? []) {
      try {
        (fn as Listener<E>)(payload);
      } catch (error) {
        console.error(`A ${name} listener failed:`, error);
      }
    }
  }
}
