import type { Issue } from "../../errors.ts";
import { parse } from "../parse.ts";
import { DocumentAssembler } from "./records.ts";
import { ReportBuilder, asRecord, emptyDocument, parseJson } from "./report.ts";
import type { ImportResult } from "./report.ts";

function where(i: Issue): string {
  if (!i.record) return "document";
  return `${i.record.collection}[${i.record.index}]` + (i.record.id !== undefined ? ` (id ${JSON.stringify(i.record.id)})` : "");
}

/**
 * Import our own format through `parse`. A valid file comes back as it is with parse's warnings.
 * A file with bad records is repaired record by record (like every other importer: bad optional
 * fields dropped, bad records skipped, dangling relationships skipped), and the report lists what
 * was done; a file that is not a powermap document at all gives an empty map and parse's issues.
 */
export function importPowermap(text: string): ImportResult {
  const rb = new ReportBuilder("powermap");
  const first = parse(text);
  if (first.ok) {
    for (const w of first.warnings) rb.warn(where(w), w.message, w.field);
    return rb.finish(first.document);
  }
  const json = parseJson(text);
  const root = json.ok ? asRecord(json.value) : undefined;
  const recordLevel = first.issues.every((i) => i.record !== undefined && i.record.collection !== "meta");
  if (!root || !recordLevel || root.format !== "powermap") {
    for (const i of first.issues) (i.severity === "warning" ? rb.warn : rb.skip).call(rb, where(i), i.message, i.field);
    return rb.finish(emptyDocument());
  }
  const asm = new DocumentAssembler(rb);
  const list = (k: string): unknown[] => (Array.isArray(root[k]) ? (root[k] as unknown[]) : []);
  list("actors").forEach((a, i) => {
    const r = asRecord(a);
    const ref = `actors[${i}]` + (typeof r?.id === "string" ? ` (id ${JSON.stringify(r.id)})` : "");
    if (r) asm.addActor(r, ref);
    else rb.skip(ref, "not an object");
  });
  list("relationships").forEach((x, i) => {
    const r = asRecord(x);
    const ref = `relationships[${i}]` + (typeof r?.id === "string" ? ` (id ${JSON.stringify(r.id)})` : "");
    if (r) asm.addRelationship(r, ref);
    else rb.skip(ref, "not an object");
  });
  const result = asm.finish(asRecord(root.meta) ?? {});
  const check = parse(result.document);
  if (!check.ok) {
    const rb2 = new ReportBuilder("powermap");
    for (const i of check.issues) rb2.skip(where(i), i.message, i.field);
    return rb2.finish(emptyDocument());
  }
  return result;
}
