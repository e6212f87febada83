import { mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exportData, FORMATS, formatFromFilename, type FormatId, type PowerMapDocument } from "@powermap/core";
import { stringOption } from "../args.ts";
import type { Action } from "../command.ts";
import type { Context } from "../context.ts";
import { CliError, CliUsageError, EXIT_DATA, EXIT_OK } from "../errors.ts";
import { formatIssue, safeCell, toJson } from "../format.ts";
import { readAndDecode, type ImportReport } from "../input/load.ts";

/** `powermap convert FILE -o OUT`: import with core's importers, export with its exporters. */
export const convert: Action = async (args, ctx) => {
  const file = args.positionals[0]!;
  const out = stringOption(args, "output")!;
  const exportable = FORMATS.filter((f) => f.canExport).map((f) => f.id as string);
  const to = stringOption(args, "to") ?? outputFormat(out);
  if (to === undefined) throw new CliUsageError(`cannot tell the output format from "${out}"; pass --to FMT (${exportable.join(", ")})`, "convert");
  if (!exportable.includes(to)) throw new CliUsageError(`--to must be one of ${exportable.join(", ")}; got "${to}"`, "convert");
  const decoded = await readAndDecode(args, ctx, "convert", "from");
  if (!decoded.ok) {
    if (args.values.json) ctx.stdout.write(toJson({ format: decoded.format, ok: false, issues: decoded.issues }));
    for (const i of decoded.issues.slice(0, 20)) ctx.stderr.write(safeCell(formatIssue(i)) + "\n");
    if (decoded.issues.length > 20) ctx.stderr.write(`… and ${decoded.issues.length - 20} more (see \`powermap validate\`)\n`);
    ctx.stderr.write(`powermap convert: nothing usable read from "${file}"; no output written\n`);
    return EXIT_DATA;
  }
  const { document, report, warnings, format } = decoded.map;
  const written = await writeOutput(out, exportData(document, to as FormatId), ctx);
  if (args.values.json) ctx.stdout.write(toJson({ format, ok: true, report: report ?? null, warnings, written }));
  if (!ctx.quiet) printReport(ctx, format, to, document, report, warnings.map(formatIssue), written);
  return EXIT_OK;
};

/** Output format from OUT's name (core's extension table); a plain .json means powermap. */
function outputFormat(out: string): string | undefined {
  return formatFromFilename(out) ?? (/\.json$/i.test(out) ? "powermap" : undefined);
}

/** Writes a single-file result to OUT (or stdout), a multi-file result into the directory OUT. */
async function writeOutput(out: string, output: string | Record<string, string>, ctx: Context): Promise<string[]> {
  if (typeof output === "string") {
    if (out === "-") {
      ctx.stdout.write(output);
      return ["-"];
    }
    await writeFile(out, output).catch((err: unknown) => {
      throw writeError(out, err);
    });
    return [out];
  }
  if (out === "-") throw new CliUsageError("this format writes several files: -o must name a directory", "convert");
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) throw new CliError(`"${out}" exists and is not a directory; this format writes several files into a directory`);
  await mkdir(out, { recursive: true }).catch((err: unknown) => {
    throw writeError(out, err);
  });
  const paths: string[] = [];
  for (const [name, content] of Object.entries(output)) {
    // File names come from the exporter, not from the data; still refuse anything that leaves OUT.
    if (name.includes("/") || name.includes("\\") || name === ".." || name === ".") throw new CliError(`refusing to write unexpected file name "${name}"`);
    const path = join(out, name);
    await writeFile(path, content).catch((err: unknown) => {
      throw writeError(path, err);
    });
    paths.push(path);
  }
  return paths;
}

function writeError(path: string, err: unknown): CliError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new CliError(`cannot write "${path}": its directory does not exist`);
  if (code === "EACCES" || code === "EPERM") return new CliError(`cannot write "${path}": permission denied`);
  if (code === "EISDIR") return new CliError(`cannot write "${path}": it is a directory`);
  return new CliError(`cannot write "${path}": ${err instanceof Error ? err.message : String(err)}`);
}

function printReport(ctx: Context, from: string, to: string, doc: PowerMapDocument, report: ImportReport | undefined, warnings: string[], written: string[]): void {
  const w = (line: string) => ctx.stderr.write(safeCell(line) + "\n");
  w(`Read ${doc.actors.length} actors and ${doc.relationships.length} relationships as ${from}.`);
  if (report) {
    w(`Skipped ${report.skipped.length}, changed ${report.changed.length}, warnings ${report.warnings.length}.`);
    for (const [what, notes] of [["skipped", report.skipped], ["changed", report.changed], ["warning", report.warnings]] as const)
      for (const n of notes) w(`  ${what}: ${n.record}${n.field ? `, field ${n.field}` : ""}: ${n.reason}`);
  }
  for (const line of warnings) w(`  ${line}`);
  if (written[0] !== "-") w(`Wrote ${to}: ${written.join(", ")}`);
}
