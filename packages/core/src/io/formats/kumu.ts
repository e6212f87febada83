import { RELATIONSHIP_KIND_INFO } from "../../kinds.ts";
import { ACTOR_KINDS, type Actor, type ActorKind, type PowerMapDocument, type Relationship, type RelationshipKind } from "../../schema/index.ts";
import { kindFromLabel } from "./oligrapher-labels.ts";
import { asRecord, jsonValue, httpUrl, isUnsafeKey, parseJson, ReportBuilder, text, unreadable, type Candidate, type ImportResult } from "./report.ts";
import { claimId, slug } from "../../graph/ids.ts";

/** Our actor kind → the Kumu element type we write (and read back). */
export const KUMU_ELEMENT_TYPES: Readonly<Record<ActorKind, string>> = Object.freeze({
  person: "Person",
  government_body: "Government body",
  company: "Company",
  financial_institution: "Financial institution",
  nonprofit: "Nonprofit",
  union: "Union",
  community_group: "Community group",
  media: "Media",
  political_committee: "Political committee",
  faith_group: "Faith group",
  school: "School",
  other: "Other",
});

/** Common Kumu element types (lower case) → our kind, besides the names in KUMU_ELEMENT_TYPES. */
export const KUMU_TYPE_SYNONYMS: Readonly<Record<string, ActorKind>> = Object.freeze({
  individual: "person", people: "person", stakeholder: "person", official: "person", politician: "person", "elected official": "person",
  organization: "other", organisation: "other", org: "other", group: "community_group",
  business: "company", corporation: "company", firm: "company", employer: "company",
  government: "government_body", agency: "government_body", council: "government_body", "public body": "government_body", ministry: "government_body", department: "government_body", "school board": "government_body", legislature: "government_body",
  bank: "financial_institution", fund: "financial_institution", investor: "financial_institution", "private equity": "financial_institution",
  "non-profit": "nonprofit", ngo: "nonprofit", foundation: "nonprofit", charity: "nonprofit", "think tank": "nonprofit",
  "labor union": "union", "labour union": "union", "trade union": "union",
  community: "community_group", "community organization": "community_group", coalition: "community_group", "tenant association": "community_group",
  press: "media", newspaper: "media", outlet: "media", "media outlet": "media",
  pac: "political_committee", party: "political_committee", "political party": "political_committee", campaign: "political_committee",
  church: "faith_group", congregation: "faith_group", religious: "faith_group", "faith organization": "faith_group",
  university: "school", college: "school",
});

const ELEMENT_TYPE_TO_KIND = new Map<string, ActorKind>([
  ...ACTOR_KINDS.map((k) => [k, k] as const),
  ...ACTOR_KINDS.map((k) => [KUMU_ELEMENT_TYPES[k].toLowerCase(), k] as const),
  ...Object.entries(KUMU_TYPE_SYNONYMS),
]);

/** Our relationship kind → the Kumu connection type we write (the kind's label; read back exactly). */
export const kumuConnectionType = (kind: RelationshipKind): string => RELATIONSHIP_KIND_INFO[kind].label;

/** Actor fields written as Kumu element fields (name and kind become label and type). */
const ACTOR_FIELDS = [
  ["description", "description"], ["tags", "tags"], ["stance", "stance"], ["power", "power"], ["roles", "roles"],
  ["powerSources", "power sources"], ["selfInterest", "self interest"], ["aliases", "aliases"], ["title", "title"], ["notes", "notes"],
] as const;
/** Relationship fields written as Kumu connection fields (kind becomes type, notes become description). */
const RELATIONSHIP_FIELDS = [
  ["label", "label"], ["notes", "description"], ["tags", "tags"], ["strength", "strength"], ["startDate", "start date"], ["endDate", "end date"],
  ["current", "current"], ["title", "title"], ["isBoard", "board seat"], ["isExecutive", "executive"], ["percentage", "percentage"],
  ["amount", "amount"], ["currency", "currency"], ["date", "date"],
] as const;
const NUMBER_FIELDS = new Set(["stance", "power", "strength", "percentage", "amount"]);
const BOOLEAN_FIELDS = new Set(["current", "isBoard", "isExecutive"]);
const ARRAY_FIELDS = new Set(["tags", "roles", "powerSources", "aliases"]);
/** Keys handled by the importer itself (never copied into `custom`). */
const ELEMENT_RESERVED = new Set(["id", "_id", "label", "type", "element type", "sources", "attributes", "image", ...ACTOR_FIELDS.map(([, k]) => k)]);
const CONNECTION_RESERVED = new Set(["id", "_id", "from", "to", "type", "connection type", "direction", "reversed", "delayed", "sources", "attributes", ...RELATIONSHIP_FIELDS.map(([, k]) => k)]);

/** True when `value` looks like a Kumu blueprint or project export (`elements` and/or `connections` arrays). */
export function detectKumu(input: unknown): boolean {
  const value = jsonValue(input);
  const r = asRecord(value);
  if (!r || !Array.isArray(r.elements)) return false;
  const first = asRecord(r.elements[0]);
  return r.elements.length === 0 ? Array.isArray(r.connections) : first !== undefined && ("label" in first || "_id" in first || asRecord(first.attributes) !== undefined);
}

/** Merge a project-export item's `attributes` into the top level (blueprints have them flat already). */
function flatten(v: unknown): Record<string, unknown> | undefined {
  const r = asRecord(v);
  if (!r) return undefined;
  const attrs = asRecord(r.attributes);
  return attrs ? { ...attrs, ...Object.fromEntries(Object.entries(r).filter(([k]) => k !== "attributes")) } : r;
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(text).filter((s): s is string => s !== undefined) : typeof v === "string" ? v.split("|").map((s) => s.trim()).filter(Boolean) : [];

function coerce(field: string, v: unknown): unknown {
  if (ARRAY_FIELDS.has(field)) return list(v);
  if (NUMBER_FIELDS.has(field) && typeof v === "string" && v.trim() !== "") return Number(v.trim().replace(/,/g, ""));
  if (BOOLEAN_FIELDS.has(field) && typeof v === "string") {
    const s = v.trim().toLowerCase();
    return s === "true" || s === "yes" || s === "1" ? true : s === "false" || s === "no" || s === "0" ? false : v;
  }
  if (typeof v === "string") return v.trim() === "" ? undefined : v;
  return v;
}

/** Copy a Kumu value into `custom` (strings, numbers, booleans; lists joined with "|"). */
function customValue(v: unknown): string | number | boolean | null | undefined {
  if (v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) return v;
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number")) return v.join("|");
  return undefined;
}

function readSources(v: unknown, where: string, b: ReportBuilder): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const s of list(v)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(s)) {
      const url = httpUrl(s);
      if (url) out.push({ url });
      else b.change(where, `source ${JSON.stringify(s.slice(0, 60))} dropped: not an http(s) URL`, "sources");
    } else out.push({ title: s });
  }
  return out;
}

/** Fields shared by elements and connections: custom fields and `<name> id` external ids. */
function rest(item: Record<string, unknown>, reserved: Set<string>, where: string, b: ReportBuilder, value: Record<string, unknown>): void {
  const custom: Record<string, unknown> = {};
  const externalIds: Record<string, string> = (value.externalIds as Record<string, string> | undefined) ?? {};
  for (const [key, v] of Object.entries(item)) {
    if (reserved.has(key)) continue;
    if (isUnsafeKey(key)) {
      b.change(where, `field ${JSON.stringify(key)} dropped: reserved name`, key);
      continue;
    }
    const ext = /^([a-z][\w-]*) id$/i.exec(key);
    if (ext?.[1] && (typeof v === "string" || typeof v === "number") && String(v).trim() !== "") {
      externalIds[ext[1].toLowerCase()] = String(v).trim();
      continue;
    }
    const cv = customValue(v);
    if (cv === undefined) b.change(where, `field ${JSON.stringify(key)} dropped: not a text, number or yes/no value`, key);
    else custom[key] = cv;
  }
  if (Object.keys(custom).length) value.custom = custom;
  if (Object.keys(externalIds).length) value.externalIds = externalIds;
}

/**
 * Import a Kumu blueprint (`{elements: [{label, type, …}], connections: [{from, to, type, direction}]}`)
 * or a Kumu project export (items with `_id` and `attributes`). Connections refer to elements by id or
 * by label, as Kumu does. Unknown element types give kind "other", unknown connection types "influence".
 */
export function importKumu(input: string | unknown): ImportResult {
  let value = input;
  if (typeof input === "string") {
    const parsed = parseJson(input);
    if (!parsed.ok) return unreadable("kumu", parsed.reason);
    value = parsed.value;
  }
  const root = asRecord(value);
  if (!root || !Array.isArray(root.elements)) return unreadable("kumu", "no Kumu elements found (expected {elements: [...], connections: [...]})");
  const b = new ReportBuilder("kumu");
  const actors: Candidate[] = [];
  const byKey = new Map<string, string>(); // Kumu id or label → our actor id
  const byLowerLabel = new Map<string, string>();
  const usedIds = new Set<string>();
  root.elements.forEach((raw, i) => {
    const el = flatten(raw);
    const kumuId = text(el?.id) ?? text(el?._id);
    const label = text(el?.label);
    const where = `element ${i}${kumuId ? ` (id "${kumuId}")` : label ? ` ("${label.slice(0, 60)}")` : ""}`;
    if (!el) return b.skip(where, "not an object");
    if (!label) return b.skip(where, "element without a label", "label");
    if (!kumuId && byKey.has(label)) return b.skip(where, `duplicate label "${label}" without an id (Kumu merges these; give each element an id)`, "label");
    const id = claimId(kumuId ?? slug(label, "element"), usedIds);
    const c = elementCandidate(el, id, label, kumuId, where, b);
    actors.push(c);
    if (kumuId) byKey.set(kumuId, id);
    if (!byKey.has(label)) byKey.set(label, id);
    if (!byLowerLabel.has(label.toLowerCase())) byLowerLabel.set(label.toLowerCase(), id);
  });
  const resolve = (ref: unknown): string | undefined => {
    const r = text(ref);
    return r === undefined ? undefined : (byKey.get(r) ?? byLowerLabel.get(r.toLowerCase()) ?? r);
  };
  const relationships: Candidate[] = [];
  const connections = Array.isArray(root.connections) ? root.connections : [];
  connections.forEach((raw, i) => {
    const c = flatten(raw);
    const kumuId = text(c?.id) ?? text(c?._id);
    const where = `connection ${i}${kumuId ? ` (id "${kumuId}")` : ""}`;
    if (!c) return b.skip(where, "not an object");
    relationships.push(connectionCandidate(c, kumuId ?? `kumu-connection-${i + 1}`, kumuId, resolve, where, b));
  });
  const meta: Record<string, unknown> = {};
  const project = asRecord(root.project);
  const title = text(project?.name) ?? text(root.name) ?? text(root.title);
  if (title) meta.title = title;
  return b.build({ meta, actors, relationships });
}

function elementCandidate(el: Record<string, unknown>, id: string, label: string, kumuId: string | undefined, where: string, b: ReportBuilder): Candidate {
  const typeName = text(el.type) ?? text(el["element type"]);
  let kind: ActorKind = "other";
  if (typeName) {
    const k = ELEMENT_TYPE_TO_KIND.get(typeName.toLowerCase());
    if (k) kind = k;
    else b.warn(where, `unknown element type "${typeName}"; kind "other" used (type kept in custom["kumu type"])`, "type");
  }
  const value: Record<string, unknown> = { id, name: label, kind };
  if (kumuId) value.externalIds = { kumu: kumuId };
  for (const [ours, theirs] of ACTOR_FIELDS) {
    const v = coerce(ours, el[theirs]);
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) value[ours] = v;
  }
  const sources = readSources(el.sources, where, b);
  if (sources.length) value.sources = sources;
  rest(el, ELEMENT_RESERVED, where, b, value);
  if (el.image !== undefined && el.image !== null && el.image !== "") {
    const url = httpUrl(el.image);
    if (url) value.custom = { ...(value.custom as Record<string, unknown> | undefined), image: url };
    else b.change(where, "image dropped: not an http(s) URL", "image");
  }
  if (typeName && !ELEMENT_TYPE_TO_KIND.has(typeName.toLowerCase())) value.custom = { ...(value.custom as Record<string, unknown> | undefined), "kumu type": typeName };
  return { record: where, value };
}

function connectionCandidate(c: Record<string, unknown>, id: string, kumuId: string | undefined, resolve: (r: unknown) => string | undefined, where: string, b: ReportBuilder): Candidate {
  let from = resolve(c.from);
  let to = resolve(c.to);
  if (c.reversed === true) [from, to] = [to, from];
  const typeName = text(c.type) ?? text(c["connection type"]);
  let kind: RelationshipKind = "influence";
  if (typeName) {
    const k = kindFromLabel(typeName);
    if (k) kind = k;
    else b.warn(where, `unknown connection type "${typeName}"; kind "influence" used (type kept in custom["kumu type"])`, "type");
  }
  const value: Record<string, unknown> = { id, from, to, kind };
  if (kumuId) value.externalIds = { kumu: kumuId };
  for (const [ours, theirs] of RELATIONSHIP_FIELDS) {
    const v = coerce(ours, c[theirs]);
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) value[ours] = v;
  }
  if (typeof value.currency === "string") value.currency = value.currency.toUpperCase();
  const sources = readSources(c.sources, where, b);
  if (sources.length) value.sources = sources;
  rest(c, CONNECTION_RESERVED, where, b, value);
  const custom = (value.custom as Record<string, unknown> | undefined) ?? {};
  const direction = text(c.direction);
  if (direction && direction !== "directed") {
    if (direction === "mutual" || direction === "undirected") custom.direction = direction;
    else b.change(where, `unknown direction "${direction}" read as directed`, "direction");
  }
  if (typeName && !kindFromLabel(typeName)) custom["kumu type"] = typeName;
  if (Object.keys(custom).length) value.custom = custom;
  return { record: where, value };
}

/** Field values as Kumu writes them: lists stay arrays, everything else is a scalar. */
function put(out: Record<string, unknown>, key: string, v: unknown): void {
  if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[key] = v;
}

function writeCommon(out: Record<string, unknown>, item: Actor | Relationship, reserved: Set<string>): void {
  const srcs = item.sources?.map((s) => s.url ?? s.title ?? "").filter(Boolean);
  put(out, "sources", srcs);
  for (const [k, v] of Object.entries(item.externalIds ?? {})) if (k !== "kumu") out[`${k} id`] = v;
  for (const [k, v] of Object.entries(item.custom ?? {})) {
    if (k === "direction" || k === "kumu type") continue;
    out[reserved.has(k) || / id$/i.test(k) || k in out ? `custom ${k}` : k] = v;
  }
}

/**
 * Export a Kumu blueprint (JSON with `elements` and `connections`, connections by element id).
 * Our fields become Kumu fields (stance, power, roles …); positions and meta are not carried.
 */
export function exportKumu(doc: PowerMapDocument): string {
  const elements = doc.actors.map((a) => {
    const el: Record<string, unknown> = { id: a.id, label: a.name, type: typeof a.custom?.["kumu type"] === "string" ? a.custom["kumu type"] : KUMU_ELEMENT_TYPES[a.kind] };
    for (const [ours, theirs] of ACTOR_FIELDS) put(el, theirs, a[ours]);
    writeCommon(el, a, ELEMENT_RESERVED);
    return el;
  });
  const connections = doc.relationships.map((r) => {
    const c: Record<string, unknown> = {
      id: r.id,
      from: r.from,
      to: r.to,
      type: typeof r.custom?.["kumu type"] === "string" ? r.custom["kumu type"] : kumuConnectionType(r.kind),
      direction: r.custom?.direction === "mutual" || r.custom?.direction === "undirected" ? r.custom.direction : "directed",
    };
    for (const [ours, theirs] of RELATIONSHIP_FIELDS) put(c, theirs, r[ours]);
    writeCommon(c, r, CONNECTION_RESERVED);
    return c;
  });
  return JSON.stringify({ elements, connections }, null, 2) + "\n";
}
