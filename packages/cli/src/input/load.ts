export type { ImportNote, ImportReport } from "@powermap/core";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { detectFormat, FORMATS, graphFromDocument, importData, parse, type FormatId, type ImportNote, type ImportReport, type Issue, type PowerGraph, type PowerMapDocument } from "@powermap/core";
import type { ParsedArgs } from "../command.ts";
import type { Context } from "../context.ts";
import { CliError, CliUsageError } from "../errors.ts";
import { formatIssue } from "../format.ts";
import { startProgress } from "../progress.ts";
import { isDirectory, maxSizeMb, readInputFile } from "./read-file.ts";

/** A map read from a file of any importable format. */
export interface LoadedMap {
  document: PowerMapDocument;
  /** Format id it was read as ("powermap", "graphology", …). */
  format: string;
  /** The input was an undirected graph: centralities then follow networkx's undirected conventions. */
  undirected: boolean;
  /** Parse warnings (powermap JSON). */
  warnings: Issue[];
  /** Import report (other formats). */
  report?: ImportReport;
}

/** A loaded map with its graph, ready for the analysis functions (a graph is a MapLike). */
export interface OpenedMap extends LoadedMap {
  /** The graphology model, built on first use: measures read a snapshot of the document instead. */
  readonly graph: PowerGraph;
}

/** The outcome of decoding: the map, or the problems that prevent using it. */
export type Decoded = { ok: true; map: LoadedMap } | { ok: false; format: string; issues: Issue[] };

/** Input text: one file's text, or file name → text for a directory of CSV sheets. */
export type InputText = string | Record<string, string>;

const LONG_IMPORT_CHARS = 16 * 1024 * 1024;
const SHEET = /\.(csv|tsv)$/i;

/** Format ids core can import. */
export function importFormats(): string[] {
  return FORMATS.filter((f) => f.canImport).map((f) => f.id);
}

/**
 * Reads FILE: a file, or a directory holding CSV sheets (actors + relationships, as `convert --to
 * csv` writes them). `--max-size` applies to each file.
 */
export async function readInput(file: string, ctx: Context, maxMb: number): Promise<InputText> {
  if (file === "-" || !(await isDirectory(file))) return readInputFile(file, ctx, maxMb);
  const sheets = (await readdir(file)).filter((n) => SHEET.test(n)).sort();
  if (sheets.length === 0) throw new CliError(`"${file}" is a directory, expected a file (or a directory of CSV sheets)`);
  const files: Record<string, string> = {};
  for (const name of sheets) files[name] = await readInputFile(join(file, name), ctx, maxMb);
  return files;
}

/** Reads FILE (args.positionals[0]) with the --format / --max-size options and decodes it. */
export async function readAndDecode(args: ParsedArgs, ctx: Context, command: string, formatOption = "format"): Promise<Decoded> {
  const file = args.positionals[0]!;
  const format = typeof args.values[formatOption] === "string" ? (args.values[formatOption] as string) : undefined;
  const max = maxSizeMb(typeof args.values["max-size"] === "string" ? args.values["max-size"] : undefined, command);
  const input = await readInput(file, ctx, max);
  const size = typeof input === "string" ? input.length : Object.values(input).reduce((n, t) => n + t.length, 0);
  const progress = startProgress(ctx, `Importing ${file}`, size > LONG_IMPORT_CHARS);
  try {
    return decode(input, file, format, command, formatOption);
  } finally {
    progress.finish();
  }
}

/** Like readAndDecode but a map that cannot be used is an error (exit 1) listing the first problems. */
export async function loadMap(args: ParsedArgs, ctx: Context, command: string): Promise<OpenedMap> {
  const decoded = await readAndDecode(args, ctx, command);
  if (!decoded.ok) {
    const shown = decoded.issues.slice(0, 10).map(formatIssue);
    if (decoded.issues.length > shown.length) shown.push(`… and ${decoded.issues.length - shown.length} more (see \`powermap validate\`)`);
    throw new CliError(`"${args.positionals[0]}" is not a usable ${decoded.format} file`, 1, shown);
  }
  const skipped = decoded.map.report?.skipped.length ?? 0;
  if (skipped > 0 && !ctx.quiet) ctx.stderr.write(`note: ${skipped} record(s) skipped on import (run \`powermap validate\` for the reasons)\n`);
  let graph: PowerGraph | undefined;
  return {
    ...decoded.map,
    get graph(): PowerGraph {
      return (graph ??= graphFromDocument(decoded.map.document));
    },
  };
}

/**
 * Decodes input already read: detects the format (unless given), then parses powermap JSON with
 * `parse` (so every issue names record and field) and anything else with core's `importData`.
 */
export function decode(input: InputText, filename: string, requested: string | undefined, command: string, formatOption = "format"): Decoded {
  const known = importFormats();
  if (requested !== undefined && !known.includes(requested)) throw new CliUsageError(`--${formatOption} must be one of ${known.join(", ")}; got "${requested}"`, command);
  const format = (requested as FormatId | undefined) ?? (typeof input === "string" ? detectFormat(input, filename) : "csv");
  if (format === undefined) throw new CliError(`cannot tell the format of "${filename}"; pass --${formatOption} FMT (${known.join(", ")})`);
  if (format === "powermap" && typeof input === "string") {
    const result = parse(input);
    if (!result.ok) return { ok: false, format, issues: result.issues };
    return { ok: true, map: { document: result.document, format, undirected: isUndirectedDocument(result.document), warnings: result.warnings } };
  }
  const { document, report } = importData(input, { format, filename });
  if (document.actors.length === 0) {
    const notes = [...report.skipped, ...report.warnings];
    return { ok: false, format, issues: notes.length ? notes.map((n) => noteIssue(n)) : [problem("empty_import", "no actors could be read")] };
  }
  return { ok: true, map: { document, format, undirected: isUndirectedDocument(document), warnings: [], report } };
}

/**
 * Whether a document stands for an undirected graph: core's importers of undirected graphs
 * (graphology, GEXF, GraphML) record `meta.custom.graphType = "undirected"`; powermap JSON keeps it.
 */
export function isUndirectedDocument(doc: PowerMapDocument): boolean {
  const custom = (doc.meta as { custom?: unknown }).custom;
  return typeof custom === "object" && custom !== null && (custom as { graphType?: unknown }).graphType === "undirected";
}

function problem(code: string, message: string): Issue {
  return { code, message, path: [], severity: "error" };
}

/** An importer's note as an issue (the note names the record; `field` when it has one). */
export function noteIssue(n: ImportNote, severity: "error" | "warning" = "error", what = ""): Issue {
  const issue: Issue = { code: what ? `import_${what}` : "import_note", message: `${what ? `${what} ` : ""}${n.record}${n.field ? `, field ${n.field}` : ""}: ${n.reason}`, path: [], severity };
  if (n.field) issue.field = n.field;
  return issue;
}
