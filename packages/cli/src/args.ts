import { parseArgs } from "node:util";
import type { CommandSpec, ParsedArgs } from "./command.ts";
import { CliUsageError } from "./errors.ts";

type ParseArgsOptions = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/** Parses one command's argv with node:util parseArgs; every mistake becomes a CliUsageError (exit 2). */
export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  const options: ParseArgsOptions = {};
  for (const [name, o] of Object.entries(spec.options)) options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs throws TypeErrors with an ERR_PARSE_ARGS_* code; their text is already readable.
    throw new CliUsageError(cleanParseError(err), spec.name);
  }
  const values = parsed.values as ParsedArgs["values"];
  if (values.help) return { values, positionals: parsed.positionals };
  if (parsed.positionals.length > spec.positionals.length)
    throw new CliUsageError(`unexpected argument "${parsed.positionals[spec.positionals.length]}"`, spec.name);
  if (parsed.positionals.length < spec.positionals.length)
    throw new CliUsageError(`missing ${spec.positionals[parsed.positionals.length]}`, spec.name);
  for (const [name, o] of Object.entries(spec.options))
    if (o.required && values[name] === undefined) throw new CliUsageError(`missing required option --${name} ${o.value ?? ""}`.trimEnd(), spec.name);
  return { values, positionals: parsed.positionals };
}

function cleanParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Drop parseArgs' advice about `--` and positionals, which reads oddly for our commands.
  return message.replace(/\. To specify a positional argument starting with a '-'.*$/s, "").replace(/^Unknown option/, "unknown option").replace(/^Option/, "option");
}

/** A string option's value (undefined when absent). */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === "string" ? v : undefined;
}

/** An integer option within [min, max]; a malformed value is a usage error naming the option. */
export function intOption(args: ParsedArgs, name: string, command: string, range: { min: number; max?: number }): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new CliUsageError(`--${name} expects a whole number, got "${raw}"`, command);
  const n = Number(raw);
  if (n < range.min || (range.max !== undefined && n > range.max))
    throw new CliUsageError(`--${name} must be ${range.max === undefined ? `at least ${range.min}` : `between ${range.min} and ${range.max}`}, got ${n}`, command);
  return n;
}

/** A string option restricted to a list of choices. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, command: string, choices: readonly T[]): T | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw)) throw new CliUsageError(`--${name} must be one of ${choices.join(", ")}; got "${raw}"`, command);
  return raw as T;
}
