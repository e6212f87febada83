import type { Issue } from "@powermap/core";
import type { Context } from "./context.ts";
import { CliError, CliUsageError, EXIT_DATA, EXIT_USAGE } from "./errors.ts";
import { formatIssue } from "./format.ts";

/** Error classes of @powermap/core, recognised by name so this module does not load the library. */
const CORE_ERRORS = new Set(["PowermapError", "UsageError", "NotFoundError", "DuplicateIdError", "AmbiguousNameError", "ValidationError"]);

/**
 * Prints any error thrown by a command on stderr and returns the exit code. Known errors print their
 * message only; a stack trace appears only with `--debug`.
 */
export function reportError(err: unknown, ctx: Context, command?: string): number {
  const prefix = command ? `powermap ${command}` : "powermap";
  const write = (line: string) => ctx.stderr.write(line + "\n");
  const stack = () => {
    if (ctx.debug && err instanceof Error && err.stack) write(err.stack);
  };
  if (err instanceof CliUsageError) {
    write(`${prefix}: ${err.message}`);
    write(`Run \`powermap ${err.command ?? command ?? ""} --help\` for usage.`.replace("  ", " "));
    stack();
    return EXIT_USAGE;
  }
  if (err instanceof CliError) {
    write(`${prefix}: ${err.message}`);
    for (const d of err.details) write(`  ${d}`);
    stack();
    return err.exitCode;
  }
  if (err instanceof Error && CORE_ERRORS.has(err.name)) {
    write(`${prefix}: ${err.message}`);
    const { candidates, issues } = err as Error & { candidates?: { id: string; name: string }[]; issues?: Issue[] };
    if (err.name === "AmbiguousNameError") for (const c of candidates ?? []) write(`  candidate: ${c.name} (id "${c.id}")`);
    if (err.name === "ValidationError") for (const i of issues ?? []) write(`  ${formatIssue(i)}`);
    stack();
    return err.name === "UsageError" ? EXIT_USAGE : EXIT_DATA;
  }
  write(`${prefix}: internal error: ${err instanceof Error ? err.message : String(err)}`);
  if (ctx.debug) write(err instanceof Error && err.stack ? err.stack : String(err));
  else write("(run again with --debug for the stack trace)");
  return EXIT_DATA;
}
