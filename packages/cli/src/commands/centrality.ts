import { COMMON_OPTIONS, INPUT_OPTIONS, options, type CommandSpec } from "../command.ts";

export const centralityCommand: CommandSpec = {
  name: "centrality",
  summary: "rank actors by a centrality measure",
  positionals: ["FILE"],
  options: options(
    {
      measure: { type: "string", value: "M", required: true, help: "degree, indegree, outdegree, betweenness, closeness, eigenvector or pagerank" },
      top: { type: "string", value: "N", help: "print only the N best" },
      weighted: { type: "boolean", help: "weigh relationships by strength (1…5) instead of counting them" },
      undirected: { type: "boolean", help: "read relationships either way (automatic for undirected graph files)" },
      "as-of": { type: "string", value: "DATE", help: "only relationships current at DATE (YYYY, YYYY-MM or YYYY-MM-DD) count" },
      json: { type: "boolean", help: "print a JSON array [{id, name, score}], best first" },
    },
    INPUT_OPTIONS,
    COMMON_OPTIONS,
  ),
  description: [
    "Scores come from @powermap/core's centrality(), whose README states the conventions. For an",
    "undirected graph (graphology JSON with options.type \"undirected\"; core's importers keep this as",
    "meta.custom.graphType) the values equal networkx's defaults: degree/(n−1), normalised betweenness,",
    "closeness, unit-length eigenvector, PageRank with alpha 0.85.",
  ],
  examples: ["powermap centrality campaign.json --measure pagerank --top 10", "powermap centrality karate.json --measure betweenness --json"],
  load: async () => (await import("../actions/centrality.ts")).centralityAction,
};
