import type { Context } from "./context.ts";

/** One option of a command, declared as data so parsing, validation and `--help` share it. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** Placeholder shown in help, e.g. "N" for `--top N`. */
  value?: string;
  help: string;
  required?: boolean;
}

/** Parsed command line of one command. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** What a command does once its arguments are parsed; returns the exit code. */
export type Action = (args: ParsedArgs, ctx: Context) => Promise<number>;

/**
 * A sub-command of `powermap`: its help text and options as data, and its action loaded on demand
 * (`load`), so `--help` and usage errors answer without loading the whole library.
 */
export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional argument names, e.g. ["FILE"]; all required. */
  positionals: string[];
  options: Record<string, OptionSpec>;
  /** Lines printed under the summary in `--help`. */
  description: string[];
  examples: string[];
  load(): Promise<Action>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  help: { type: "boolean", short: "h", help: "show this help" },
  quiet: { type: "boolean", short: "q", help: "no progress bar or notes on stderr (errors only)" },
  debug: { type: "boolean", help: "print stack traces of unexpected errors" },
};

/** Options of the commands that read one input file. */
export const INPUT_OPTIONS: Record<string, OptionSpec> = {
  format: { type: "string", value: "FMT", help: "input format (default: detected from extension and content)" },
  "max-size": { type: "string", value: "MB", help: "refuse input files larger than this (default 256)" },
};

/** Combines option groups, command-specific first (the order `--help` lists them). */
export function options(...groups: Record<string, OptionSpec>[]): Record<string, OptionSpec> {
  return Object.assign({}, ...groups) as Record<string, OptionSpec>;
}
