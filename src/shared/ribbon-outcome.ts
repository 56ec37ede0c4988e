/**
 * The last outcome of the ribbon's Rate RAG, kept in the shared runtime (manifest.xml: the ribbon
 * commands and the task pane run in one JavaScript runtime, and webpack's `dependOn` makes the task
 * pane use this very module instance), so the pane can show it when it opens or is already open.
 * No Office here: plain data and listeners.
 */
import type { RateReport } from "../excel/types";

/** What the ribbon's Rate RAG ended with. */
export type RibbonOutcome =
  | { readonly kind: "rated"; readonly report: RateReport }
  | { readonly kind: "failed"; readonly title: string; readonly detail: string; readonly nextStep: string };

type Listener = (outcome: RibbonOutcome | null) => void;

let last: RibbonOutcome | null = null;
const listeners = new Set<Listener>();

/**
 * Records an outcome and tells every listener (the task pane, if it is showing).
 * @example publishRibbonOutcome({ kind: "failed", title: "Rate RAG did not finish", detail: "...", nextStep: "..." })
 */
export function publishRibbonOutcome(outcome: RibbonOutcome | null): void {
  last = outcome;
  for (const listener of listeners) listener(outcome);
}

/**
 * The last outcome, or null when the ribbon has not run Rate RAG in this session (or it was dismissed).
 * @example lastRibbonOutcome() // => null before the first ribbon run
 */
export function lastRibbonOutcome(): RibbonOutcome | null {
  return last;
}

/**
 * Calls `listener` on every later outcome; returns the function that stops it.
 * @example const stop = subscribeRibbonOutcome((o) => console.log(o)); stop();
 */
export function subscribeRibbonOutcome(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
