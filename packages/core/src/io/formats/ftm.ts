import { RELATIONSHIP_KIND_INFO } from "../../kinds.ts";
import type { Actor, PowerMapDocument, Relationship } from "../../schema/index.ts";
import { addLine, FtmAccumulator } from "./ftm-map.ts";
import { kindFromLabel } from "./oligrapher-labels.ts";
import { asRecord, parseJson, type ImportResult } from "./report.ts";

export { FTM_ACTOR_SCHEMATA, FTM_EDGE_SCHEMATA } from "./ftm-map.ts";
export { importFtmStream } from "./ftm-stream.ts";

const isEntity = (v: unknown): boolean => {
  const r = asRecord(v);
  return r !== undefined && typeof r.schema === "string" && typeof r.id === "string" && (r.properties === undefined || asRecord(r.properties) !== undefined);
};

/**
 * True when `value` is FollowTheMoney data: an entity, an array of entities, or (as text) JSON Lines
 * whose first line is an entity.
 */
export function detectFtm(value: unknown): boolean {
  if (typeof value === "string") {
    const whole = parseJson(value);
    if (whole.ok) return detectFtm(whole.value);
    const line = value.split("\n").find((l) => l.trim() !== "");
    const p = line === undefined ? undefined : parseJson(line);
    return p?.ok === true && isEntity(p.value);
  }
  if (Array.isArray(value)) return value.length > 0 && isEntity(value[0]);
  const r = asRecord(value);
  return isEntity(value) || (r !== undefined && Array.isArray(r.entities) && r.entities.length > 0 && isEntity(r.entities[0]));
}

/**
 * Import FollowTheMoney entities from text: a JSON array, one entity object, `{entities: [...]}` or
 * `{results: [...]}` (yente), or JSON Lines (one entity per line, as Aleph and OpenSanctions export).
 * Bad lines are skipped and reported by line number. For very large files use `importFtmStream`.
 */
export function importFtm(input: string | unknown): ImportResult {
  const acc = new FtmAccumulator();
  if (typeof input !== "string") {
    addParsed(acc, input);
    return acc.finish();
  }
  const trimmed = input.trimStart();
  const whole = trimmed.startsWith("[") || trimmed.startsWith("{") ? parseJson(trimmed) : undefined;
  if (whole?.ok) {
    addParsed(acc, whole.value);
    return acc.finish();
  }
  if (trimmed.startsWith("[")) {
    acc.report.skip("input", whole && !whole.ok ? whole.reason : "not valid JSON");
    return acc.finish();
  }
  const lines = input.split("\n");
  for (let i = 0; i < lines.length; i++) addLine(acc, lines[i] ?? "", i + 1);
  return acc.finish();
}

function addParsed(acc: FtmAccumulator, value: unknown): void {
  const r = asRecord(value);
  const list = Array.isArray(value) ? value : Array.isArray(r?.entities) ? r.entities : Array.isArray(r?.results) ? r.results : undefined;
  if (list) list.forEach((e, i) => acc.add(e, `entity ${i}`));
  else acc.add(value, "entity 0");
}

// ---------------------------------------------------------------- export

const ORG_SCHEMA: Partial<Record<Actor["kind"], string>> = {
  person: "Person",
  company: "Company",
  financial_institution: "Company",
  government_body: "PublicBody",
  other: "LegalEntity",
};

const str = (v: unknown): string[] => (v === undefined || v === null || v === "" ? [] : [String(v)]);

function actorEntity(a: Actor): Record<string, unknown> {
  const schema = ORG_SCHEMA[a.kind] ?? "Organization";
  const props: Record<string, string[]> = { name: [a.name] };
  const add = (k: string, vals: string[]): void => {
    if (vals.length) props[k] = vals;
  };
  add("alias", a.aliases ?? []);
  add("description", str(a.description));
  add("notes", str(a.notes));
  if (a.kind === "person") add("position", str(a.title));
  // FtM has no kind beyond the schema; classification carries ours so a round trip keeps it.
  if (a.kind !== "person") add("classification", [a.kind]);
  add("keywords", a.tags ?? []);
  add("sourceUrl", (a.sources ?? []).flatMap((s) => (s.url ? [s.url] : [])));
  add("wikidataId", str(a.externalIds?.wikidata));
  add("country", typeof a.custom?.country === "string" ? a.custom.country.split("|") : []);
  add("website", str(a.custom?.website));
  if (a.kind === "person") add("birthDate", str(a.custom?.birthDate));
  return { id: a.id, schema, properties: props };
}

function relationshipEntity(r: Relationship, kinds: Map<string, Actor["kind"]>): Record<string, unknown> {
  const fromKind = kinds.get(r.from);
  const toKind = kinds.get(r.to);
  const persons = fromKind === "person" && toKind === "person";
  const orgTarget = toKind !== "person";
  const label = r.kind === "position" || r.kind === "employment" || r.kind === "membership" ? (r.title ?? r.label) : r.label;
  let schema = "UnknownLink";
  let ends: [string, string] = ["subject", "object"];
  let labelProp = "role";
  if (r.kind === "ownership" && (toKind === "company" || toKind === "financial_institution")) [schema, ends] = ["Ownership", ["owner", "asset"]];
  else if (r.kind === "position" && orgTarget) [schema, ends] = ["Directorship", ["director", "organization"]];
  else if (r.kind === "membership" && orgTarget) [schema, ends] = ["Membership", ["member", "organization"]];
  else if (r.kind === "employment" && fromKind === "person" && orgTarget) [schema, ends] = ["Employment", ["employee", "employer"]];
  else if (r.kind === "family" && persons) [schema, ends, labelProp] = ["Family", ["person", "relative"], "relationship"];
  else if ((r.kind === "social" || r.kind === "professional") && persons) [schema, ends, labelProp] = ["Associate", ["person", "associate"], "relationship"];
  else if (r.kind === "donation" || r.kind === "funding" || r.kind === "contract") [schema, ends, labelProp] = ["Payment", ["payer", "beneficiary"], "purpose"];
  const props: Record<string, string[]> = { [ends[0]]: [r.from], [ends[1]]: [r.to] };
  // Where the schema does not fix our kind, the role/purpose names it (read back by kindFromLabel).
  const kindLabel = RELATIONSHIP_KIND_INFO[r.kind].label;
  const needsKind = schema === "UnknownLink" || schema === "Payment" || schema === "Associate";
  const l = needsKind ? (label !== undefined && kindFromLabel(label) === r.kind ? label : kindLabel) : label;
  if (l) props[labelProp] = [l];
  if (r.startDate) props.startDate = [r.startDate];
  if (r.endDate) props.endDate = [r.endDate];
  if (r.date) props.date = [r.date];
  if (r.percentage !== undefined && schema === "Ownership") props.percentage = [String(r.percentage)];
  if (r.amount !== undefined && schema === "Payment") {
    props.amount = [String(r.amount)];
    if (r.currency) props.currency = [r.currency];
  }
  if (r.notes) props.description = [r.notes];
  const urls = (r.sources ?? []).flatMap((s) => (s.url ? [s.url] : []));
  if (urls.length) props.sourceUrl = urls;
  return { id: r.id, schema, properties: props };
}

/**
 * Export as FollowTheMoney JSON Lines: actors as Person / Company / PublicBody / Organization /
 * LegalEntity, relationships as the matching interstitial schema (UnknownLink when none fits).
 */
export function exportFtm(doc: PowerMapDocument): string {
  const kinds = new Map(doc.actors.map((a) => [a.id, a.kind]));
  const lines = [...doc.actors.map((a) => JSON.stringify(actorEntity(a))), ...doc.relationships.map((r) => JSON.stringify(relationshipEntity(r, kinds)))];
  return lines.length ? lines.join("\n") + "\n" : "";
}
