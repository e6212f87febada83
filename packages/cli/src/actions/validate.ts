import type { Issue } from "@powermap/core";
import type { Action } from "../command.ts";
import { EXIT_DATA, EXIT_OK } from "../errors.ts";
import { formatIssue, safeCell, toJson } from "../format.ts";
import { noteIssue, readAndDecode } from "../input/load.ts";

/** `powermap validate FILE`: every problem with its record and field; exit 1 on errors. */
export const validate: Action = async (args, ctx) => {
  const file = args.positionals[0]!;
  const decoded = await readAndDecode(args, ctx, "validate");
  let issues: Issue[];
  let summary: string;
  if (!decoded.ok) {
    issues = decoded.issues;
    summary = `${file}: not a valid ${decoded.format} file (${count(issues.length, "problem")})`;
  } else {
    const { document, report, warnings, format } = decoded.map;
    issues = warnings.map((w) => ({ ...w, severity: w.severity ?? "warning" }));
    if (report)
      issues.push(
        ...report.skipped.map((n) => noteIssue(n, "error", "skipped")),
        ...report.changed.map((n) => noteIssue(n, "warning", "changed")),
        ...report.warnings.map((n) => noteIssue(n, "warning")),
      );
    const errors = issues.filter(isError).length;
    summary = `${file}: ${errors ? "not valid" : "valid"} ${format} file, ${count(document.actors.length, "actor")}, ${count(document.relationships.length, "relationship")}`;
    if (issues.length) summary += `; ${count(errors, "error")}, ${count(issues.length - errors, "warning")}`;
  }
  const failed = issues.some(isError);
  if (args.values.json) ctx.stdout.write(toJson(issues));
  else {
    for (const issue of issues) ctx.stderr.write(safeCell(formatIssue(issue)) + "\n");
    (failed ? ctx.stderr : ctx.stdout).write(safeCell(summary) + "\n");
  }
  return failed ? EXIT_DATA : EXIT_OK;
};

const isError = (i: Issue) => (i.severity ?? "error") === "error";
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
