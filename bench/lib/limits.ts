/** Exact O(n·m) measures (betweenness, closeness) run up to this many actors. */
export const SMALL_LIMIT = 10_000;
/** Sources sampled for betweenness above SMALL_LIMIT. */
export const SAMPLES_LARGE = 500;
