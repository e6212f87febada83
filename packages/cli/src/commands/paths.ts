import { COMMON_OPTIONS, INPUT_OPTIONS, options, type CommandSpec } from "../command.ts";

export const pathsCommand: CommandSpec = {
  name: "paths",
  summary: "the k best paths from one actor to another, each step explained",
  positionals: ["FILE"],
  options: options(
    {
      from: { type: "string", value: "A", help: 'start actor: id, name or alias (default: the actors with role "own")' },
      to: { type: "string", value: "B", required: true, help: "end actor: id, name or alias" },
      k: { type: "string", value: "N", help: "number of alternative paths (default 3)" },
      "as-of": { type: "string", value: "DATE", help: "ignore relationships not current at DATE" },
      json: { type: "boolean", help: "print a JSON array [{cost, score, steps}], best first" },
    },
    INPUT_OPTIONS,
    COMMON_OPTIONS,
  ),
  description: [
    "Paths come from @powermap/core's pathsBetween(): they follow the direction of influence of each",
    "relationship kind; cost = −ln(product of kind weight × strength/5), cheapest first. Exit code 0",
    "also when no path exists (the answer is then empty).",
  ],
  examples: ['powermap paths campaign.json --from union-local --to "Linda Harmon" --k 5', "powermap paths campaign.json --to school-board --json"],
  load: async () => (await import("../actions/paths.ts")).paths,
};
