import { readFileSync } from "node:fs";
import { parseCommandArgs } from "./args.ts";
import type { CommandSpec } from "./command.ts";
import { centralityCommand } from "./commands/centrality.ts";
import { convertCommand } from "./commands/convert.ts";
import { influencersCommand } from "./commands/influencers.ts";
import { pathsCommand } from "./commands/paths.ts";
import { statsCommand } from "./commands/stats.ts";
import { validateCommand } from "./commands/validate.ts";
import type { Context, OutStream } from "./context.ts";
import { EXIT_OK, EXIT_USAGE } from "./errors.ts";
import { commandHelp, mainHelp } from "./help.ts";
import { reportError } from "./report-error.ts";

const GLOBAL_FLAGS = new Set(["--quiet", "-q", "--debug"]);

/** Every sub-command, in the order `powermap --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [validateCommand, statsCommand, centralityCommand, influencersCommand, pathsCommand, convertCommand];

/**
 * Runs `powermap` with `argv` (without node and script) and returns the exit code. Never throws:
 * every failure is printed on stderr (see report-error.ts).
 */
export async function run(argv: string[], io: { stdout: OutStream; stderr: OutStream }): Promise<number> {
  // Global flags are honoured anywhere on the line, so even a parse failure respects --debug.
  const ctx: Context = { ...io, debug: argv.includes("--debug"), quiet: argv.includes("--quiet") || argv.includes("-q") };
  // Global flags may also come before the command: `powermap --quiet stats FILE`.
  const at = argv.findIndex((a) => !GLOBAL_FLAGS.has(a));
  const name = at === -1 ? undefined : argv[at];
  const rest = at === -1 ? [] : [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (name === undefined) {
    ctx.stderr.write(mainHelp(COMMANDS));
    return EXIT_USAGE;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const spec = COMMANDS.find((c) => c.name === rest[0]);
    ctx.stdout.write(spec ? commandHelp(spec) : mainHelp(COMMANDS));
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    ctx.stdout.write(version() + "\n");
    return EXIT_OK;
  }
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) {
    const near = COMMANDS.find((c) => c.name.startsWith(name.slice(0, 3)) && name.length >= 3);
    ctx.stderr.write(`powermap: unknown command "${name}"${near ? ` (did you mean "${near.name}"?)` : ""}\n\n`);
    ctx.stderr.write(mainHelp(COMMANDS));
    return EXIT_USAGE;
  }
  try {
    const args = parseCommandArgs(spec, rest);
    if (args.values.help) {
      ctx.stdout.write(commandHelp(spec));
      return EXIT_OK;
    }
    const action = await spec.load();
    return await action(args, ctx);
  } catch (err) {
    return reportError(err, ctx, spec.name);
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}


