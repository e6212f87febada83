import { COMMON_OPTIONS, options, type CommandSpec } from "../command.ts";

export const convertCommand: CommandSpec = {
  name: "convert",
  summary: "convert between powermap JSON and the other formats",
  positionals: ["FILE"],
  options: options(
    {
      output: { type: "string", short: "o", value: "OUT", required: true, help: 'output file ("-" for stdout); a directory for multi-file formats (csv, neo4j)' },
      from: { type: "string", value: "FMT", help: "input format (default: detected from extension and content)" },
      to: { type: "string", value: "FMT", help: "output format (default: from OUT's name; .json means powermap)" },
      json: { type: "boolean", help: "print the import report as JSON on stdout" },
      "max-size": { type: "string", value: "MB", help: "refuse input files larger than this (default 256)" },
    },
    COMMON_OPTIONS,
  ),
  description: [
    "Input FMT: powermap, graphology, littlesis, oligrapher, kumu, ftm, csv, gexf, graphml. Output FMT:",
    "powermap, graphology, oligrapher, kumu, ftm, csv, gexf, graphml, neo4j. FILE may be a directory of",
    "CSV sheets (actors + relationships). The import report (counts, skipped and changed records with",
    "their reasons) goes to stderr. Exit code 1 when nothing usable was read.",
    "Output format from OUT's name: x.json → powermap, x.graphology.json, x.oligrapher.json, x.kumu.json,",
    "x.ftm.json / x.jsonl, x.gexf, x.graphml, x.cypher (neo4j), x.csv; csv and neo4j write several files",
    "into the directory OUT. Pass --to for anything else.",
  ],
  examples: ["powermap convert littlesis-export.json -o campaign.json", "powermap convert campaign.json -o campaign.gexf", "powermap convert campaign.json --to csv -o sheets/"],
  load: async () => (await import("../actions/convert.ts")).convert,
};
