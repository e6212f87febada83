import { UsageError } from "../../errors.ts";
import type { PowerMapDocument } from "../../schema/index.ts";
import { serialize } from "../serialize.ts";
import { exportCsv, importCsv } from "./csv.ts";
import type { CsvHeaderOptions, CsvSheets } from "./csv.ts";
import { looksLikeRelationshipSheet } from "./csv-mapping.ts";
import { parseCsvTable } from "./csv-parse.ts";
import { detectFormat, formatFromFilename, FORMAT_IDS } from "./detect.ts";
import type { FormatId } from "./detect.ts";
import { exportFtm, importFtm } from "./ftm.ts";
import { exportGexf, importGexf } from "./gexf.ts";
import { exportGraphml, importGraphml } from "./graphml.ts";
import { exportGraphologyJson, importGraphology } from "./graphology.ts";
import { exportKumu, importKumu } from "./kumu.ts";
import { importLittleSis } from "./littlesis.ts";
import { exportNeo4j } from "./neo4j.ts";
import { exportOligrapher, importOligrapher } from "./oligrapher.ts";
import { importPowermap } from "./index-powermap.ts";
import { ReportBuilder, emptyDocument } from "./report.ts";
import type { ImportResult } from "./report.ts";

export type { FormatId } from "./detect.ts";

/** One entry of the format registry. */
export interface FormatInfo {
  id: FormatId;
  label: string;
  /** File extensions (with the dot), the first is the one exports use. */
  extensions: string[];
  canImport: boolean;
  canExport: boolean;
  /** True when the export is several files (`exportData` returns file name → content). */
  multiFile: boolean;
}

/** Every format powermap reads or writes. */
export const FORMATS: readonly FormatInfo[] = Object.freeze([
  { id: "powermap", label: "powermap JSON", extensions: [".powermap.json", ".json"], canImport: true, canExport: true, multiFile: false },
  { id: "graphology", label: "graphology JSON", extensions: [".graphology.json", ".json"], canImport: true, canExport: true, multiFile: false },
  { id: "littlesis", label: "LittleSis API JSON", extensions: [".json"], canImport: true, canExport: false, multiFile: false },
  { id: "oligrapher", label: "Oligrapher map", extensions: [".oligrapher.json", ".json"], canImport: true, canExport: true, multiFile: false },
  { id: "kumu", label: "Kumu blueprint", extensions: [".kumu.json", ".json"], canImport: true, canExport: true, multiFile: false },
  { id: "ftm", label: "FollowTheMoney entities", extensions: [".ftm.json", ".jsonl", ".ijson", ".json"], canImport: true, canExport: true, multiFile: false },
  { id: "csv", label: "CSV (actors + relationships sheets)", extensions: [".csv", ".tsv"], canImport: true, canExport: true, multiFile: true },
  { id: "gexf", label: "GEXF 1.3 (Gephi)", extensions: [".gexf"], canImport: true, canExport: true, multiFile: false },
  { id: "graphml", label: "GraphML", extensions: [".graphml"], canImport: true, canExport: true, multiFile: false },
  { id: "neo4j", label: "Neo4j (Cypher + neo4j-admin CSV)", extensions: [".cypher"], canImport: false, canExport: true, multiFile: true },
] satisfies FormatInfo[]);

export interface ImportOptions {
  /** Skip detection. */
  format?: FormatId;
  /** Used for detection by extension (and for CSV, to tell the actors sheet from the relationships sheet). */
  filename?: string;
  /** CSV header mapping overrides and delimiter. */
  csv?: CsvHeaderOptions;
}

function info(format: string, origin: string): FormatInfo {
  const f = FORMATS.find((x) => x.id === format);
  if (!f) throw new UsageError(`${origin}: unknown format ${JSON.stringify(format)}; expected one of ${FORMAT_IDS.join(", ")}`);
  return f;
}

/**
 * Import data in any readable format. `input` is the file's text, or file name → text for
 * multi-file input (a CSV actors sheet and relationships sheet). The format is detected from the
 * file name and content unless given. Never throws on bad data: unreadable input gives an empty
 * document and a report saying why. Throws `UsageError` for an unknown or export-only format.
 */
export function importData(input: string | Record<string, string>, options: ImportOptions = {}): ImportResult {
  if (typeof input !== "string") return importFiles(input, options);
  const format = options.format ?? detectFormat(input, options.filename);
  if (format === undefined) {
    const rb = new ReportBuilder("unknown");
    rb.skip(options.filename ?? "input", `could not tell the format (tried ${FORMATS.filter((f) => f.canImport).map((f) => f.id).join(", ")}); pass the format explicitly`);
    return rb.finish(emptyDocument());
  }
  const f = info(format, "importData");
  if (!f.canImport) throw new UsageError(`importData: format "${format}" is export-only`);
  switch (f.id) {
    case "powermap":
      return importPowermap(input);
    case "graphology":
      return importGraphology(input);
    case "littlesis":
      return importLittleSis(input);
    case "oligrapher":
      return importOligrapher(input);
    case "kumu":
      return importKumu(input);
    case "ftm":
      return importFtm(input);
    case "gexf":
      return importGexf(input);
    case "graphml":
      return importGraphml(input);
    case "csv":
      return importFiles({ [options.filename ?? "data.csv"]: input }, { ...options, format: "csv" });
    default:
      throw new UsageError(`importData: format "${format}" is export-only`);
  }
}

const ACTOR_FILE = /actor|node|people|person|entit|org|vertex|vertices/i;
const REL_FILE = /relation|edge|link|tie|connection|network/i;

function importFiles(files: Record<string, string>, options: ImportOptions): ImportResult {
  const names = Object.keys(files);
  const format = options.format ?? (names.length > 0 && names.every((n) => formatFromFilename(n) === "csv") ? "csv" : undefined);
  if (format !== "csv") {
    if (names.length === 1) return importData(files[names[0] as string] as string, { ...options, filename: options.filename ?? names[0] });
    const f = format === undefined ? undefined : info(format, "importData");
    if (f && !f.canImport) throw new UsageError(`importData: format "${f.id}" is export-only`);
    throw new UsageError(`importData: several files are only read as CSV sheets (actors + relationships); got ${names.join(", ")}`);
  }
  const sheets: CsvSheets = {};
  for (const name of names) {
    const text = files[name] as string;
    const role = REL_FILE.test(name) ? "relationships" : ACTOR_FILE.test(name) ? "actors" : looksLikeRelationshipSheet(parseCsvTable(text, options.csv?.delimiter).header) ? "relationships" : "actors";
    if (sheets[role] !== undefined) throw new UsageError(`importData: two ${role} sheets given (${sheets[`${role}Name`]}, ${name})`);
    sheets[role] = text;
    sheets[`${role}Name`] = name;
  }
  return importCsv(sheets, options.csv);
}

/**
 * Export a document. Single-file formats return the text; CSV (`actors.csv`, `relationships.csv`)
 * and Neo4j (`map.cypher`, `actors.csv`, `relationships.csv`, `import.sh`) return file name → text.
 * Throws `UsageError` for an unknown or import-only format.
 */
export function exportData(doc: PowerMapDocument, format: FormatId): string | Record<string, string> {
  const f = info(format, "exportData");
  if (!f.canExport) throw new UsageError(`exportData: format "${format}" is import-only`);
  switch (f.id) {
    case "powermap":
      return serialize(doc);
    case "graphology":
      return exportGraphologyJson(doc);
    case "oligrapher":
      return exportOligrapher(doc);
    case "kumu":
      return exportKumu(doc);
    case "ftm":
      return exportFtm(doc);
    case "csv":
      return exportCsv(doc);
    case "gexf":
      return exportGexf(doc);
    case "graphml":
      return exportGraphml(doc);
    case "neo4j":
      return exportNeo4j(doc);
    default:
      throw new UsageError(`exportData: format "${format}" is import-only`);
  }
}
