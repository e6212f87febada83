/**
 * Adapter to core's import/export formats (helpers "interop-a"/"interop-b": importData, exportData,
 * detectFormat, FORMATS). Read at run time so the app works — with our JSON only — before or
 * without them; once present, every format they list appears in the Import/Export menus.
 */
import * as core from "@powermap/core";
import type { Issue, PowerMapDocument } from "@powermap/core";

/** What the app shows of an import report. */
export interface ImportSummary {
  format: string;
  imported: { actors: number; relationships: number };
  skipped: { record: string; field?: string; reason: string }[];
  changed: { record: string; field?: string; reason: string }[];
  warnings: { record: string; field?: string; reason: string }[];
}

export interface FormatInfo {
  id: string;
  label: string;
  canImport: boolean;
  canExport: boolean;
  extension: string;
}

type ImportFn = (input: string, opts: { format?: string; filename?: string }) => { document: PowerMapDocument; report: ImportSummary };
type ExportFn = (doc: PowerMapDocument, format: string) => string | Record<string, string>;
type DetectFn = (text: string, filename?: string) => string | null | undefined | { format?: string; id?: string };

const api = core as unknown as Record<string, unknown>;
const fn = <T>(name: string): T | undefined => (typeof api[name] === "function" ? (api[name] as T) : undefined);

/** Formats core knows, normalised; empty until the interop helpers land. */
export function availableFormats(): FormatInfo[] {
  const list = api.FORMATS;
  if (!Array.isArray(list)) return [];
  const out: FormatInfo[] = [];
  for (const f of list as unknown[]) {
    if (typeof f !== "object" || f === null) continue;
    const r = f as Record<string, unknown>;
    const id = typeof r.id === "string" ? r.id : typeof r.name === "string" ? r.name : null;
    if (!id || id === "powermap") continue;
    const exts = Array.isArray(r.extensions) ? (r.extensions as unknown[]).filter((e): e is string => typeof e === "string") : [];
    const ext = typeof r.extension === "string" ? r.extension : (exts[0] ?? ".txt");
    out.push({
      id,
      label: typeof r.label === "string" ? r.label : id,
      canImport: r.import !== false && r.canImport !== false && fn<ImportFn>("importData") !== undefined,
      canExport: r.export !== false && r.canExport !== false && fn<ExportFn>("exportData") !== undefined,
      extension: ext.startsWith(".") ? ext : `.${ext}`,
    });
  }
  return out;
}

/** The format of a file, or null when unknown (then it is read as our JSON). */
export function detectImportFormat(text: string, filename: string): string | null {
  const detect = fn<DetectFn>("detectFormat");
  if (!detect) return null;
  try {
    const r = detect(text, filename);
    if (typeof r === "string") return r;
    if (r && typeof r === "object") return r.format ?? r.id ?? null;
  } catch {
    // Detection is a hint only: fall back to our JSON.
  }
  return null;
}

/** Imports with core's importer; an import that kept nothing is a failure listing why. */
export function importWith(
  text: string,
  filename: string,
  format: string,
): { ok: true; document: PowerMapDocument; warnings: Issue[]; format: string; report: ImportSummary } | { ok: false; issues: Issue[]; format: string } {
  const importData = fn<ImportFn>("importData");
  if (!importData) return { ok: false, format, issues: [{ code: "unsupported_format", message: `${filename || "file"}: ${format} import is not available`, path: [] }] };
  try {
    const { document, report } = importData(text, { format, filename });
    if (document.actors.length === 0 && report.skipped.length > 0)
      return { ok: false, format, issues: report.skipped.map((n) => noteIssue(n, "import_skipped")) };
    return { ok: true, document, warnings: [...report.skipped, ...report.changed].map((n) => noteIssue(n, "import_note", "warning")), format, report };
  } catch (e) {
    return { ok: false, format, issues: [{ code: "import_failed", message: `${filename || "file"}: ${e instanceof Error ? e.message : String(e)}`, path: [] }] };
  }
}

/** Runs core's exporter; multi-file formats come back as name → content. */
export function exportWith(doc: PowerMapDocument, format: string): string | Record<string, string> {
  const exportData = fn<ExportFn>("exportData");
  if (!exportData) throw new Error(`export to ${format} is not available`);
  return exportData(doc, format);
}

function noteIssue(n: { record: string; field?: string; reason: string }, code: string, severity: "error" | "warning" = "error"): Issue {
  const issue: Issue = { code, message: `${n.record}${n.field ? ` · ${n.field}` : ""}: ${n.reason}`, path: [], severity };
  if (n.field !== undefined) issue.field = n.field;
  return issue;
}
