/**
 * The app's view of core's format registry (FORMATS, importData, exportData, detectFormat): which
 * formats appear in the File menu, how an imported file becomes a document or a list of problems.
 */
import { FORMATS, detectFormat, exportData, importData, type FormatId, type ImportNote, type ImportReport, type Issue, type PowerMapDocument } from "@powermap/core";

export type ImportSummary = ImportReport;

/** A format as the File menu shows it. */
export interface FormatInfo {
  id: FormatId;
  label: string;
  canImport: boolean;
  canExport: boolean;
  /** Extension exports use (the registry's first). */
  extension: string;
}

/** Formats other than our own JSON (which has its own Open and Save). */
export function availableFormats(): FormatInfo[] {
  return FORMATS.filter((f) => f.id !== "powermap").map((f) => ({ id: f.id, label: f.label, canImport: f.canImport, canExport: f.canExport, extension: f.extensions[0] ?? ".txt" }));
}

/** Every extension a file picker should accept. */
export function importExtensions(): string[] {
  return [...new Set(FORMATS.filter((f) => f.canImport).flatMap((f) => f.extensions.map((e) => e.slice(e.lastIndexOf(".")))))];
}

/** The format of a file (by name, then by content), or null when unknown (then it is read as our JSON, whose errors explain). */
export function detectImportFormat(text: string, filename: string): FormatId | null {
  try {
    return detectFormat(text, filename) ?? null;
  } catch {
    return null; // detection is a hint only
  }
}

/** Imports with core's importer; an import that kept nothing is a failure listing why. */
export function importWith(
  text: string,
  filename: string,
  format: FormatId,
): { ok: true; document: PowerMapDocument; warnings: Issue[]; format: string; report: ImportSummary } | { ok: false; issues: Issue[]; format: string } {
  try {
    const { document, report } = importData(text, { format, filename });
    if (document.actors.length === 0 && report.skipped.length > 0) return { ok: false, format, issues: report.skipped.map((n) => noteIssue(n, "import_skipped")) };
    const notes = [...report.skipped.map((n) => noteIssue(n, "import_skipped", "warning")), ...report.changed.map((n) => noteIssue(n, "import_changed", "warning"))];
    return { ok: true, document, warnings: notes, format, report };
  } catch (e) {
    return { ok: false, format, issues: [{ code: "import_failed", message: `${filename || "file"}: ${e instanceof Error ? e.message : String(e)}`, path: [] }] };
  }
}

/** Runs core's exporter; multi-file formats come back as file name → content. */
export function exportWith(doc: PowerMapDocument, format: FormatId): string | Record<string, string> {
  return exportData(doc, format);
}

function noteIssue(n: ImportNote, code: string, severity: "error" | "warning" = "error"): Issue {
  const issue: Issue = { code, message: `${n.record}${n.field ? ` · ${n.field}` : ""}: ${n.reason}`, path: [], severity };
  if (n.field !== undefined) issue.field = n.field;
  return issue;
}
