import { COMMON_OPTIONS, INPUT_OPTIONS, options, type CommandSpec } from "../command.ts";

export const statsCommand: CommandSpec = {
  name: "stats",
  summary: "counts by kind, role and relationship kind; components; density; unsourced claims",
  positionals: ["FILE"],
  options: options({ json: { type: "boolean", help: "print one JSON object instead of tables" } }, INPUT_OPTIONS, COMMON_OPTIONS),
  description: [
    "Components are weakly connected (direction ignored). Density is the share of actor pairs tied by at",
    "least one relationship: 2·pairs / (n·(n−1)). Unsourced claims are actors and relationships that",
    "cite no source (core's unsourcedClaims()).",
  ],
  examples: ["powermap stats campaign.json", "powermap stats opensanctions.jsonl --json"],
  load: async () => (await import("../actions/stats.ts")).stats,
};
