import { graphFromDocument, parse, type Issue, type PowerGraph, type PowerMapDocument } from "@powermap/core";
import { coreApi, hasCoreApi, type ImportNote, type ImportReport } from "../api.ts";
import type { ParsedArgs } from "../command.ts";
import type { Context } from "../context.ts";
import { CliError, CliUsageError } from "../errors.ts";
import { formatIssue } from "../format.ts";
import { startProgress } from "../progress.ts";
import { documentFromGraphology, looksLikeGraphology } from "./graphology-adapter.ts";
import { maxSizeMb, readInputFile } from "./read-file.ts";

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

/** The outcome of decoding: the map, or the problems that prevent using it. */
export type Decoded = { ok: true; map: LoadedMap } | { ok: false; format: string; issues: Issue[] };

const LONG_IMPORT_CHARS = 16 * 1024 * 1024;

/** Reads FILE (args.positionals[0]) with the --format / --max-size options and decodes it. */
export async function readAndDecode(args: ParsedArgs, ctx: Context, command: string): Promise<Decoded> {
  const file = args.positionals[0]!;
  const format = typeof args.values.format === "string" ? args.values.format : undefined;
  const max = maxSizeMb(typeof args.values["max-size"] === "string" ? args.values["max-size"] : undefined, command);
  const text = await readInputFile(file, ctx, max);
  const progress = startProgress(ctx, `Importing ${file}`, text.length > LONG_IMPORT_CHARS);
  try {
    return decode(text, file, format, command);
  } finally {
    progress.finish();
  }
}

/** A loaded map with its graph, ready for the analysis functions (a graph is a MapLike). */
export interface OpenedMap extends LoadedMap {
  graph: PowerGraph;
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
  return { ...decoded.map, graph: graphFromDocument(decoded.map.document) };
}

/** Decodes text already read: detects the format, then parses or imports it. */
export function decode(text: string, filename: string, format: string | undefined, command: string): Decoded {
  if (hasCoreApi("importData")) return decodeWithImporters(text, filename, format, command);
  return decodeFallback(text, format, command);
}

function decodeWithImporters(text: string, filename: string, requested: string | undefined, command: string): Decoded {
  const known = formatIds();
  if (requested !== undefined && known.length > 0 && !known.includes(requested))
    throw new CliUsageError(`--format must be one of ${known.join(", ")}; got "${requested}"`, command);
  const format = requested ?? detectedFormat(text, filename);
  if (format === undefined) throw new CliError(`cannot tell the format of "${filename}"; pass --format FMT (${known.join(", ")})`);
  if (format === "powermap") return decodePowermap(text);
  const { document, report } = coreApi("importData")(text, { format, filename });
  if (document.actors.length === 0) {
    const notes = [...report.skipped, ...report.warnings];
    return { ok: false, format, issues: notes.length ? notes.map((n) => noteIssue(n)) : [problem("empty_import", "no actors could be read")] };
  }
  return { ok: true, map: { document, format, undirected: isUndirectedDocument(document), warnings: [], report } };
}

function decodePowermap(text: string): Decoded {
  const result = parse(text);
  if (!result.ok) return { ok: false, format: "powermap", issues: result.issues };
  return { ok: true, map: { document: result.document, format: "powermap", undirected: isUndirectedDocument(result.document), warnings: result.warnings } };
}

// Until importData exists: powermap JSON through parse, graphology JSON through the local adapter.
function decodeFallback(text: string, requested: string | undefined, command: string): Decoded {
  if (requested !== undefined && requested !== "powermap" && requested !== "graphology")
    throw new CliUsageError(`--format must be one of powermap, graphology; got "${requested}"`, command);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, format: requested ?? "JSON", issues: [problem("invalid_json", `invalid JSON: ${err instanceof Error ? err.message : String(err)}`)] };
  }
  if (requested === "graphology" || (requested === undefined && looksLikeGraphology(data) && (data as { format?: unknown }).format === undefined)) {
    if (!looksLikeGraphology(data)) return { ok: false, format: "graphology", issues: [problem("invalid_type", "expected graphology JSON with nodes and edges arrays")] };
    const result = parse(documentFromGraphology(data));
    if (!result.ok) return { ok: false, format: "graphology", issues: result.issues };
    return { ok: true, map: { document: result.document, format: "graphology", undirected: isUndirectedDocument(result.document), warnings: result.warnings } };
  }
  return decodePowermap(text);
}

/** Format ids from core's FORMATS list (entries are ids or objects with an id). */
export function formatIds(): string[] {
  if (!hasCoreApi("FORMATS")) return [];
  return coreApi("FORMATS").map((f) => (typeof f === "string" ? f : String((f as { id?: unknown; name?: unknown }).id ?? (f as { name?: unknown }).name)));
}

function detectedFormat(text: string, filename: string): string | undefined {
  const d = coreApi("detectFormat")(text, filename);
  if (typeof d === "string") return d;
  if (d && typeof d === "object") {
    const o = d as { format?: unknown; id?: unknown };
    if (typeof o.format === "string") return o.format;
    if (typeof o.id === "string") return o.id;
  }
  return undefined;
}

/**
 * Whether a document stands for an undirected graph: importers of undirected graphs (graphology,
 * GEXF, GraphML) record `meta.custom.graphType = "undirected"`, and it survives in powermap JSON.
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
