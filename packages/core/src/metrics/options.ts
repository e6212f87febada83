import { UsageError } from "../errors.ts";
import type { KindOverrides } from "../kinds.ts";
import type { WeightSpec } from "./weights.ts";

/** The measures `centrality` knows. */
export const CENTRALITY_MEASURES = ["degree", "indegree", "outdegree", "betweenness", "closeness", "eigenvector", "pagerank"] as const;
export type CentralityMeasure = (typeof CENTRALITY_MEASURES)[number];

/** Options of `centrality`; every one is optional, see CENTRALITY_DEFAULTS. */
export interface CentralityOptions {
  /** Use relationship weights (see `weight`) instead of counting relationships. Default false. */
  weighted?: boolean;
  /** What a relationship weighs: "strength" (1…5, 3 if absent; default), "influence" (kind weight × strength / 5) or a function. */
  weight?: WeightSpec;
  /** Registry overrides used by weight "influence". */
  kinds?: KindOverrides;
  /** "directed" (default): relationships run from → to; "undirected": either way. */
  direction?: "directed" | "undirected";
  /** Normalise as networkx does (degree: /(n−1); betweenness: /((n−1)(n−2))). Default true. */
  normalized?: boolean;
  /** Only relationships current at this date (YYYY, YYYY-MM, YYYY-MM-DD) count. */
  asOf?: string;
  /** Path measures, weighted: "inverse" (default; length = 1/weight, strong ties are short) or "weight" (length = weight, networkx's reading). */
  distance?: "inverse" | "weight";
  /** PageRank damping factor. Default 0.85. */
  alpha?: number;
  /** PageRank / eigenvector: stop when the L1 change of one iteration is below this. Default 1e-6. */
  tolerance?: number;
  /** PageRank / eigenvector iteration cap. Default 100 (PageRank) / 1000 (eigenvector). */
  maxIterations?: number;
  /** Personalized PageRank: actor ids (uniform) or id → weight. */
  personalization?: readonly string[] | Readonly<Record<string, number>>;
  /** Betweenness: sample this many source actors (approximation with a stated error bound). */
  samples?: number;
  /** Seed of the betweenness source sample. Default 1. */
  seed?: number;
  /** Confidence of the sampled-betweenness error bound. Default 0.95. */
  confidence?: number;
  /** Closeness: Wasserman–Faust scaling for disconnected graphs (networkx default). Default true. */
  wfImproved?: boolean;
  /** Return only the best `top` actors. */
  top?: number;
}

/** The defaults every option is merged with (networkx's values where networkx has one). */
export const CENTRALITY_DEFAULTS = Object.freeze({
  weighted: false,
  weight: "strength" as WeightSpec,
  kinds: undefined as KindOverrides | undefined,
  direction: "directed" as "directed" | "undirected",
  normalized: true,
  asOf: undefined as string | undefined,
  distance: "inverse" as "inverse" | "weight",
  alpha: 0.85,
  tolerance: 1e-6,
  maxIterations: undefined as number | undefined,
  personalization: undefined as CentralityOptions["personalization"],
  samples: undefined as number | undefined,
  seed: 1,
  confidence: 0.95,
  wfImproved: true,
  top: undefined as number | undefined,
});

export type ResolvedCentralityOptions = typeof CENTRALITY_DEFAULTS;

/** Options that only make sense for some measures; any other measure rejects them. */
const ONLY_FOR: Partial<Record<keyof CentralityOptions, readonly CentralityMeasure[]>> = {
  alpha: ["pagerank"],
  personalization: ["pagerank"],
  tolerance: ["pagerank", "eigenvector"],
  maxIterations: ["pagerank", "eigenvector"],
  samples: ["betweenness"],
  seed: ["betweenness"],
  confidence: ["betweenness"],
  wfImproved: ["closeness"],
  distance: ["betweenness", "closeness"],
};

/** Merges `opts` with CENTRALITY_DEFAULTS and validates it; UsageError names the bad option. */
export function resolveCentralityOptions(measure: CentralityMeasure, opts: CentralityOptions | undefined): ResolvedCentralityOptions {
  const fail = (key: string, what: string, value: unknown): never => {
    throw new UsageError(`centrality: option "${key}" ${what}, got ${typeof value === "function" ? "a function" : JSON.stringify(value)}`);
  };
  if (opts !== undefined && (typeof opts !== "object" || opts === null)) fail("opts", "must be an object", opts);
  const given = opts ?? {};
  for (const [key, value] of Object.entries(given)) {
    if (!(key in CENTRALITY_DEFAULTS)) fail(key, `is not an option of centrality (known: ${Object.keys(CENTRALITY_DEFAULTS).join(", ")})`, value);
    const only = ONLY_FOR[key as keyof CentralityOptions];
    if (value !== undefined && only && !only.includes(measure)) fail(key, `applies only to ${only.join(", ")}, not ${measure}`, value);
  }
  const o: ResolvedCentralityOptions = { ...CENTRALITY_DEFAULTS };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) (o as Record<string, unknown>)[key] = value;
  const bool = (k: "weighted" | "normalized" | "wfImproved"): void => {
    if (typeof o[k] !== "boolean") fail(k, "must be true or false", o[k]);
  };
  bool("weighted");
  bool("normalized");
  bool("wfImproved");
  if (!(o.weight === "strength" || o.weight === "influence" || typeof o.weight === "function")) {
    fail("weight", 'must be "strength", "influence" or a function (relationship) => number', o.weight);
  }
  if (o.direction !== "directed" && o.direction !== "undirected") fail("direction", 'must be "directed" or "undirected"', o.direction);
  if (o.distance !== "inverse" && o.distance !== "weight") fail("distance", 'must be "inverse" or "weight"', o.distance);
  if (!(typeof o.alpha === "number" && o.alpha > 0 && o.alpha < 1)) fail("alpha", "must be a number between 0 and 1 (exclusive)", o.alpha);
  if (!(typeof o.tolerance === "number" && o.tolerance > 0)) fail("tolerance", "must be a positive number", o.tolerance);
  const posInt = (k: "maxIterations" | "samples" | "top", min: number): void => {
    const v = o[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= min)) fail(k, `must be an integer >= ${min}`, v);
  };
  posInt("maxIterations", 1);
  posInt("samples", 1);
  posInt("top", 0);
  if (!Number.isInteger(o.seed)) fail("seed", "must be an integer", o.seed);
  if (!(typeof o.confidence === "number" && o.confidence > 0 && o.confidence < 1)) fail("confidence", "must be a number between 0 and 1 (exclusive)", o.confidence);
  if (o.asOf !== undefined && typeof o.asOf !== "string") fail("asOf", "must be a date string YYYY, YYYY-MM or YYYY-MM-DD", o.asOf);
  if (o.personalization !== undefined && (typeof o.personalization !== "object" || o.personalization === null)) {
    fail("personalization", "must be an array of actor ids or an object id → weight", o.personalization);
  }
  if ((measure === "indegree" || measure === "outdegree") && o.direction === "undirected") {
    fail("direction", `must be "directed" for ${measure} (an undirected view has only "degree")`, o.direction);
  }
  return o;
}
