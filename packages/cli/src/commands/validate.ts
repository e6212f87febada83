import { COMMON_OPTIONS, INPUT_OPTIONS, options, type CommandSpec } from "../command.ts";

export const validateCommand: CommandSpec = {
  name: "validate",
  summary: "check a file and list every problem with its record and field",
  positionals: ["FILE"],
  options: options({ json: { type: "boolean", help: "print the problems as a JSON array of issues" } }, INPUT_OPTIONS, COMMON_OPTIONS),
  description: [
    "Exit code 0 when the file is usable as is (warnings allowed), 1 when it has errors or records had",
    "to be skipped on import. Problems go to stderr, one per line, each naming the record (collection,",
    "index, id) and the field. With --json, stdout gets a JSON array of issues",
    "{code, message, path, record, field, severity} (empty when the file is clean).",
  ],
  examples: ["powermap validate campaign.json", "powermap validate littlesis-export.json --json"],
  load: async () => (await import("../actions/validate.ts")).validate,
};
