/**
 * User Timing around the main-thread parts of background analysis ("powermap:analysis …" entries in
 * the Performance panel), so a long task can be attributed: the freeze benchmark
 * (bench/editor/freeze.ts) and DevTools read them. A measure entry costs about a microsecond; where
 * the Performance API is missing (old runtimes) nothing is recorded.
 */
const perf: Pick<Performance, "now" | "measure"> | undefined = typeof performance !== "undefined" && typeof performance.measure === "function" ? performance : undefined;

/** Records `[start, now]` as the User Timing measure `powermap:analysis <name>`. */
export function markSpan(name: string, start: number): void {
  if (!perf) return;
  try {
    perf.measure(`powermap:analysis ${name}`, { start, end: perf.now() });
  } catch {
    // A runtime whose measure() lacks the options form: timings are a diagnostic, never an error.
  }
}

/** Runs `fn`, recording its span as `powermap:analysis <name>`. */
export function timed<T>(name: string, fn: () => T): T {
  const start = perf ? perf.now() : 0;
  try {
    return fn();
  } finally {
    markSpan(name, start);
  }
}
