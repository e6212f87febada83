import * as core from "@powermap/core";
import type { PowerMapDocument } from "@powermap/core";
import { CliError } from "./errors.ts";

/*
 * The format functions of @powermap/core (helper "interop"), typed by the contracts in the project
 * brief and looked up by name, so the CLI runs, and says clearly what is missing, while they are
 * being built. Nothing here converts anything.
 */

export interface ImportNote {
  record: string;
  field?: string;
  reason: string;
}
export interface ImportReport {
  format: string;
  imported: { actors: number; relationships: number };
  skipped: ImportNote[];
  changed: ImportNote[];
  warnings: ImportNote[];
}
export interface ImportResult {
  document: PowerMapDocument;
  report: ImportReport;
}

interface FormatApi {
  importData(input: string, opts?: { format?: string; filename?: string }): ImportResult;
  detectFormat(text: string, filename?: string): unknown;
  exportData(doc: PowerMapDocument, format: string): string | Record<string, string>;
  FORMATS: readonly unknown[];
}

const exported = core as unknown as Partial<FormatApi>;

/** True when @powermap/core exports `name`. */
export function hasCoreApi(name: keyof FormatApi): boolean {
  return exported[name] !== undefined;
}

/** The core export `name`, or a CliError saying this build of @powermap/core lacks it. */
export function coreApi<K extends keyof FormatApi>(name: K): FormatApi[K] {
  const value = exported[name];
  if (value === undefined) throw new CliError(`this build of @powermap/core does not provide ${name} yet`);
  return value as FormatApi[K];
}
