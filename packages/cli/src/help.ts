import type { CommandSpec } from "./command.ts";

/** Usage line of a command, e.g. `powermap paths FILE --from A --to B [--k N]`. */
export function usageLine(spec: CommandSpec): string {
  const parts = ["powermap", spec.name, ...spec.positionals];
  for (const [name, o] of Object.entries(spec.options)) {
    if (!o.required) continue;
    parts.push(o.type === "string" ? `--${name} ${o.value ?? "VALUE"}` : `--${name}`);
  }
  parts.push("[options]");
  return parts.join(" ");
}

/** Full `--help` text of one command. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [`Usage: ${usageLine(spec)}`, "", spec.summary];
  if (spec.description.length) lines.push("", ...spec.description);
  lines.push("", "Options:");
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${o.value ?? "VALUE"}` : ""}`;
    return [flag, o.help + (o.required ? " (required)" : "")] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}  ${text}`);
  if (spec.examples.length) lines.push("", "Examples:", ...spec.examples.map((e) => `  ${e}`));
  return lines.join("\n") + "\n";
}

/** Top-level `powermap --help`. */
export function mainHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: powermap COMMAND FILE [options]",
    "",
    "Power-map analysis from the command line. FILE may be any importable format",
    "(powermap JSON, graphology JSON, LittleSis, Oligrapher, Kumu, FollowTheMoney, GEXF, GraphML) or a",
    "directory of CSV sheets (actors + relationships).",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Global options: -h/--help, --version, -q/--quiet, --debug",
    "Run `powermap COMMAND --help` for a command's options.",
    "",
    "Exit codes: 0 success, 1 invalid data or unanswerable request, 2 command-line usage error.",
    "",
  ].join("\n");
}
