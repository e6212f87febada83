import { PartialDate } from "@powermap/core";
import type { ParsedArgs } from "./command.ts";
import { CliUsageError } from "./errors.ts";

/** `--as-of DATE`: a PartialDate (YYYY, YYYY-MM or YYYY-MM-DD), checked with the core schema. */
export function asOfOption(args: ParsedArgs, command: string): string | undefined {
  const raw = args.values["as-of"];
  if (typeof raw !== "string") return undefined;
  const r = PartialDate.safeParse(raw);
  if (!r.success) throw new CliUsageError(`--as-of expects a date YYYY, YYYY-MM or YYYY-MM-DD, got "${raw}"`, command);
  return r.data;
}
