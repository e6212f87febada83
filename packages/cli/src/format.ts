import type { Issue } from "@powermap/core";

/** One issue as a line: `error actors[3] (id "a3").stance: …` (the message already names record and field). */
export function formatIssue(issue: Issue): string {
  return `${issue.severity ?? "error"}: ${issue.message}`;
}

/** A score for a table: 6 significant digits, no exponent for ordinary values. */
export function formatScore(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e9) return Number(x.toPrecision(6)).toString();
  return x.toExponential(4);
}

/**
 * A readable aligned table: header row, a rule, then rows. Numeric columns (`align: "right"`) are
 * right-aligned. Control characters in cells are replaced so imported text cannot move the cursor.
 */
export function formatTable(columns: { title: string; align?: "left" | "right" }[], rows: string[][]): string {
  const clean = rows.map((r) => r.map(safeCell));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...clean.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (columns[i]!.align === "right" ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => "-".repeat(w))), ...clean.map(line)].join("\n") + "\n";
}

/** Replaces terminal control characters (escape sequences in hostile names) with U+FFFD. */
export function safeCell(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\uFFFD");
}

/** Prints a value as pretty JSON with a trailing newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
