import { COMMON_OPTIONS, INPUT_OPTIONS, options, type CommandSpec } from "../command.ts";

export const influencersCommand: CommandSpec = {
  name: "influencers",
  summary: "rank who influences a target (an actor, or a body with the people holding seats on it)",
  positionals: ["FILE"],
  options: options(
    {
      target: { type: "string", value: "NAME_OR_ID", required: true, help: "the target: id, or name or alias (case-insensitive)" },
      depth: { type: "string", value: "N", help: "longest influence path counted, 1…10 (default 3)" },
      top: { type: "string", value: "N", help: "how many influencers (default 20)" },
      "as-of": { type: "string", value: "DATE", help: "ignore relationships not current at DATE (YYYY, YYYY-MM or YYYY-MM-DD)" },
      json: { type: "boolean", help: "print a JSON array [{id, name, score, sign, effect, paths}], strongest first" },
    },
    INPUT_OPTIONS,
    COMMON_OPTIONS,
  ),
  description: [
    "Scores and paths come from @powermap/core's influencersOf(). A body such as a school board counts",
    "together with the people who currently hold a position on it. The table shows each influencer's",
    "score, whether it pushes or opposes the target, and its best path, every step with its sources.",
  ],
  examples: ['powermap influencers campaign.json --target "the school board" --top 5', "powermap influencers campaign.json --target school-board --depth 2 --as-of 2024-06 --json"],
  load: async () => (await import("../actions/influencers.ts")).influencers,
};
