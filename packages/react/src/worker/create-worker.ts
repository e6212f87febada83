/** Starts the analysis worker, or returns null where there are no module workers (Node, jsdom, old browsers). */
export function createAnalysisWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    // Written out literally so Vite finds and bundles the worker.
    return new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module", name: "powermap-analysis" });
  } catch {
    return null;
  }
}
