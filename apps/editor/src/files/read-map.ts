/**
 * Reading a file the user opened or dropped: our JSON through core's `parse`, other formats through
 * core's importers when they are available. Never throws; a failure lists the problems (record and
 * field) and the caller leaves the open map untouched.
 */
import { parse, type Issue, type PowerMapDocument } from "@powermap/core";
import { detectImportFormat, importWith, type ImportSummary } from "./formats.ts";

export type ReadOutcome =
  | { ok: true; document: PowerMapDocument; warnings: Issue[]; format: string; report?: ImportSummary }
  | { ok: false; issues: Issue[]; format: string };

/** Files above this size are refused before reading (a browser tab would choke on them anyway). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export function readMapText(text: string, filename = ""): ReadOutcome {
  const format = detectImportFormat(text, filename);
  if (format !== null && format !== "powermap") return importWith(text, filename, format);
  const res = parse(text);
  return res.ok ? { ok: true, document: res.document, warnings: res.warnings, format: "powermap" } : { ok: false, issues: res.issues, format: "powermap" };
}

/** Reads a File (picker or drop). */
export async function readMapFile(file: File): Promise<ReadOutcome> {
  if (file.size > MAX_FILE_BYTES)
    return { ok: false, format: "unknown", issues: [{ code: "too_large", message: `${file.name}: ${Math.round(file.size / 1e6)} MB is larger than the ${MAX_FILE_BYTES / 1e6} MB limit`, path: [] }] };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, format: "unknown", issues: [{ code: "unreadable", message: `${file.name}: could not be read (${e instanceof Error ? e.message : String(e)})`, path: [] }] };
  }
  return readMapText(text, file.name);
}
