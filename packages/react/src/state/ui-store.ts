/** A tiny external store for UI state: `get`, `update(producer)`, `subscribe`. React reads it with `useUi`. */
import { initialUiState, type UiState } from "./ui-state.ts";

export type Producer<S> = (state: S) => S;

export class UiStore {
  private state: UiState;
  private readonly listeners = new Set<() => void>();

  constructor(initial: UiState = initialUiState()) {
    this.state = initial;
  }

  get = (): UiState => this.state;

  /** Applies a pure producer; listeners run only when the state object changed. */
  update(producer: Producer<UiState>): void {
    const next = producer(this.state);
    if (next === this.state) return;
    this.state = next;
    for (const l of [...this.listeners]) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
