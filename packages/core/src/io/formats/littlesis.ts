import type { ActorKind, RelationshipKind } from "../../schema/index.ts";
import { asRecord, jsonValue, httpUrl, parseJson, partialDate, ReportBuilder, text, unreadable, type Candidate, type ImportResult } from "./report.ts";

/**
 * LittleSis relationship `category_id` → our kind. Hierarchy (11) is stored child → parent by
 * LittleSis and is flipped on import, because our `subsidiary` runs parent → subsidiary.
 */
export const LITTLESIS_CATEGORY_KINDS: Readonly<Record<number, { name: string; kind: RelationshipKind }>> = Object.freeze({
  1: { name: "Position", kind: "position" },
  2: { name: "Education", kind: "education" },
  3: { name: "Membership", kind: "membership" },
  4: { name: "Family", kind: "family" },
  5: { name: "Donation/Grant", kind: "donation" },
  6: { name: "Service/Transaction", kind: "contract" },
  7: { name: "Lobbying", kind: "lobbying" },
  8: { name: "Social", kind: "social" },
  9: { name: "Professional", kind: "professional" },
  10: { name: "Ownership", kind: "ownership" },
  11: { name: "Hierarchy", kind: "subsidiary" },
  12: { name: "Generic", kind: "influence" },
});

/**
 * LittleSis extension (entity type) → our actor kind, in order of precedence: the first matching
 * row wins, so a union that is also a MembershipOrg becomes `union`. Names and display names both match.
 */
export const LITTLESIS_TYPE_KINDS: readonly (readonly [ActorKind, readonly string[]])[] = [
  ["person", ["Person"]],
  ["union", ["LaborUnion", "Labor Union"]],
  ["political_committee", ["PoliticalFundraising", "Political Fundraising Committee", "Pac", "PAC", "IndividualCampaignCommittee", "Individual Campaign Committee", "OtherCampaignCommittee", "Other Campaign Committee", "PoliticalParty", "Political Party"]],
  ["government_body", ["GovernmentBody", "Government Body", "GovernmentAdvisoryBody", "Government Advisory Body"]],
  ["school", ["School", "ResearchInstitute", "Academic Research Institute"]],
  ["media", ["MediaOrg", "Media Organization"]],
  ["company", ["Business", "PrivateCompany", "Private Company", "PublicCompany", "Public Company", "LawFirm", "Law Firm", "LobbyingFirm", "Lobbying Firm", "PublicRelationsFirm", "Public Relations Firm", "ConsultingFirm", "Consulting Firm", "Gse", "Government-Sponsored Enterprise"]],
  ["nonprofit", ["Philanthropy", "NonProfit", "Other Not-for-Profit", "ThinkTank", "Policy/Think Tank", "Cultural", "Cultural/Arts", "IndustryTrade", "Industry/Trade Association", "ProfessionalAssociation", "Professional Association", "EliteConsensus", "Elite Consensus Group"]],
  ["community_group", ["MembershipOrg", "Membership Organization", "SocialClub", "Social Club"]],
];

/** Person-side extensions and the two root types: known, but they do not pick a kind beyond person/other. */
const OTHER_KNOWN_TYPES = new Set([
  "Org", "Organization", "PoliticalCandidate", "Political Candidate", "ElectedRepresentative", "Elected Representative",
  "BusinessPerson", "Business Person", "Lobbyist", "Academic", "MediaPersonality", "Media Personality",
  "PublicIntellectual", "Public Intellectual", "PublicOfficial", "Public Official", "Lawyer", "Couple",
]);

const TYPE_TO_KIND = new Map<string, ActorKind>(LITTLESIS_TYPE_KINDS.flatMap(([kind, names]) => names.map((n) => [n, kind] as const)));

/** Our actor id for a LittleSis entity id. */
export const littleSisActorId = (id: string): string => `littlesis-${id}`;
/** Our relationship id for a LittleSis relationship id. */
export const littleSisRelationshipId = (id: string): string => `littlesis-rel-${id}`;

interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  top: Record<string, unknown>;
  where: string;
}

/** True when `value` looks like LittleSis API JSON (JSON:API resources of type entities/relationships). */
export function detectLittleSis(input: unknown): boolean {
  const value = jsonValue(input);
  const probe = (v: unknown): boolean => {
    const r = asRecord(v);
    return r !== undefined && (r.type === "entities" || r.type === "relationships") && asRecord(r.attributes) !== undefined;
  };
  const envelope = (v: unknown): boolean => {
    const r = asRecord(v);
    if (!r) return probe(v);
    const data = r.data;
    return Array.isArray(data) ? data.length > 0 && probe(data[0]) : probe(data);
  };
  return Array.isArray(value) ? value.length > 0 && envelope(value[0]) : envelope(value);
}

/**
 * Import LittleSis API JSON: one response (`{data, included?}` with an entity, a relationship or a list
 * of either), an array of such responses, or a bare array of resources. Entity ids become
 * `externalIds.littlesis`; relationships keep LittleSis's entity1 → entity2 direction (except Hierarchy).
 */
export function importLittleSis(input: string | unknown): ImportResult {
  let value = input;
  if (typeof input === "string") {
    const parsed = parseJson(input);
    if (!parsed.ok) return unreadable("littlesis", parsed.reason);
    value = parsed.value;
  }
  const b = new ReportBuilder("littlesis");
  const resources = collectResources(value, b);
  if (resources.length === 0) b.skip("input", "no LittleSis entities or relationships found (expected {data: …} from the LittleSis API)");

  const actors: Candidate[] = [];
  const relationships: Candidate[] = [];
  const seenEntities = new Set<string>();
  for (const r of resources) {
    if (r.type === "entities") {
      if (seenEntities.has(r.id)) continue; // the same entity often comes back in `data` and `included`
      seenEntities.add(r.id);
      actors.push(entityCandidate(r, b));
    } else if (r.type === "relationships") {
      relationships.push(relationshipCandidate(r, b));
    }
  }
  const meta: Record<string, unknown> = {};
  const license = findLicense(value);
  if (license) meta.sources = [{ url: "https://littlesis.org", title: `LittleSis (${license})`, publisher: "LittleSis" }];
  return b.build({ meta, actors, relationships });
}

function collectResources(value: unknown, b: ReportBuilder): Resource[] {
  const out: Resource[] = [];
  const visitResource = (v: unknown, where: string): void => {
    const r = asRecord(v);
    if (!r) {
      b.skip(where, "not an object");
      return;
    }
    const type = r.type;
    const attributes = asRecord(r.attributes);
    const id = text(r.id) ?? text(attributes?.id);
    if (type !== "entities" && type !== "relationships") {
      if (typeof type === "string") b.warn(`${where} (type "${type}")`, "resource type not imported (only entities and relationships)", "type");
      else b.skip(where, "missing resource type", "type");
      return;
    }
    if (!attributes) return b.skip(`${where} (id ${id ?? "?"})`, "missing attributes", "attributes");
    if (id === undefined) return b.skip(where, "missing id", "id");
    out.push({ type, id, attributes, top: r, where: `${type === "entities" ? "entity" : "relationship"} ${id}` });
  };
  const visitEnvelope = (v: unknown, where: string): void => {
    const r = asRecord(v);
    if (r && ("data" in r || "included" in r)) {
      if (Array.isArray(r.data)) r.data.forEach((d, i) => visitResource(d, `${where}data[${i}]`));
      else if (r.data !== undefined && r.data !== null) visitResource(r.data, `${where}data`);
      if (Array.isArray(r.included)) r.included.forEach((d, i) => visitResource(d, `${where}included[${i}]`));
      if (Array.isArray(r.errors)) b.warn(where || "input", `LittleSis returned errors: ${r.errors.map((e) => text(asRecord(e)?.title) ?? "?").join(", ")}`);
    } else if (r && "type" in r) visitResource(r, where || "input");
    else b.skip(where || "input", "not a LittleSis API response");
  };
  if (Array.isArray(value)) value.forEach((v, i) => visitEnvelope(v, `[${i}].`));
  else visitEnvelope(value, "");
  return out;
}

function findLicense(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const meta = asRecord(asRecord(first)?.meta);
  return text(meta?.copyright);
}

/** The kind from the entity's types / extensions / primary_ext; unknown type names are warned about. */
function entityKind(attrs: Record<string, unknown>, where: string, b: ReportBuilder): { kind: ActorKind; tags: string[] } {
  const names: string[] = [];
  if (Array.isArray(attrs.types)) for (const t of attrs.types) if (typeof t === "string") names.push(t);
  const ext = asRecord(attrs.extensions);
  if (ext) names.push(...Object.keys(ext));
  const primary = text(attrs.primary_ext);
  if (primary) names.push(primary);
  let kind: ActorKind | undefined;
  for (const [k, list] of LITTLESIS_TYPE_KINDS) {
    if (names.some((n) => list.includes(n))) {
      kind = k;
      break;
    }
  }
  for (const n of new Set(names)) {
    if (!TYPE_TO_KIND.has(n) && !OTHER_KNOWN_TYPES.has(n)) b.warn(where, `unknown LittleSis entity type "${n}" (kept as a tag)`, "types");
  }
  if (kind === undefined && primary !== "Org" && primary !== "Person" && !names.includes("Organization")) {
    b.warn(where, `no known entity type; kind "other" used`, "primary_ext");
  }
  const tags = [...new Set((Array.isArray(attrs.types) ? attrs.types : []).filter((t): t is string => typeof t === "string" && t !== "Person" && t !== "Organization"))];
  return { kind: kind ?? "other", tags };
}

function entityCandidate(r: Resource, b: ReportBuilder): Candidate {
  const a = r.attributes;
  const { kind, tags } = entityKind(a, r.where, b);
  const name = text(a.name);
  const value: Record<string, unknown> = { id: littleSisActorId(r.id), name: name ?? a.name, kind, externalIds: { littlesis: r.id } };
  const blurb = text(a.blurb);
  if (blurb) value.description = blurb;
  const summary = text(a.summary);
  if (summary) value.notes = summary;
  if (Array.isArray(a.aliases)) {
    const aliases = [...new Set(a.aliases.map(text).filter((s): s is string => s !== undefined && s !== name))];
    if (aliases.length) value.aliases = aliases;
  }
  const userTags = Array.isArray(a.tags) ? a.tags.map((t) => text(typeof t === "object" ? asRecord(t)?.name : t)).filter((s): s is string => s !== undefined) : [];
  if (tags.length || userTags.length) value.tags = [...new Set([...tags, ...userTags])];
  const custom: Record<string, string> = {};
  const website = a.website;
  if (website !== null && website !== undefined) {
    const url = httpUrl(website);
    if (url) custom.website = url;
    else b.change(r.where, "website dropped: not an http(s) URL", "website");
  }
  for (const [from, to] of [["start_date", "startDate"], ["end_date", "endDate"]] as const) {
    if (a[from] === null || a[from] === undefined) continue;
    const d = partialDate(a[from]);
    if (d) custom[to] = d;
    else b.change(r.where, `${from} dropped: not a date`, from);
  }
  if (Object.keys(custom).length) value.custom = custom;
  const links = asRecord(r.top.links);
  const self = links?.self;
  if (self !== undefined) {
    const url = httpUrl(self);
    if (url) value.sources = [{ url, title: "LittleSis profile", publisher: "LittleSis" }];
    else b.change(r.where, "links.self dropped: not an http(s) URL", "links.self");
  }
  return { record: r.where, value };
}

function relationshipCandidate(r: Resource, b: ReportBuilder): Candidate {
  const a = r.attributes;
  const where = r.where;
  const e1 = text(a.entity1_id);
  const e2 = text(a.entity2_id);
  const category = typeof a.category_id === "number" ? a.category_id : Number(a.category_id);
  let mapped = LITTLESIS_CATEGORY_KINDS[category];
  if (!mapped) {
    b.warn(where, `unknown category_id ${JSON.stringify(a.category_id)}; kind "influence" used`, "category_id");
    mapped = { name: "Unknown", kind: "influence" };
  }
  // Hierarchy is stored child → parent; our `subsidiary` runs parent → subsidiary.
  const flip = category === 11;
  const src = flip ? e2 : e1;
  const dst = flip ? e1 : e2;
  // A missing end stays undefined: the builder then skips the record naming the field.
  const value: Record<string, unknown> = {
    id: littleSisRelationshipId(r.id),
    from: src === undefined ? undefined : littleSisActorId(src),
    to: dst === undefined ? undefined : littleSisActorId(dst),
    kind: mapped.kind,
    externalIds: { littlesis: r.id },
  };
  const d1 = text(a.description1);
  const d2 = text(a.description2);
  if (d1) value.label = d1;
  if (category === 1 && d1) value.title = d1;
  const attrs = asRecord(a.category_attributes);
  if (category === 1 && attrs) {
    if (typeof attrs.is_board === "boolean") value.isBoard = attrs.is_board;
    if (typeof attrs.is_executive === "boolean") value.isExecutive = attrs.is_executive;
  }
  if (category === 10 && attrs && attrs.percent_stake !== null && attrs.percent_stake !== undefined) {
    const p = Number(attrs.percent_stake);
    if (Number.isFinite(p)) value.percentage = p;
  }
  if (category === 6 && attrs?.is_lobbying === true) {
    value.kind = "lobbying";
    b.warn(where, "transaction marked is_lobbying; kind \"lobbying\" used", "category_attributes.is_lobbying");
  }
  const custom: Record<string, string | number | boolean> = {};
  if (d2 && d2 !== d1) custom.description2 = d2;
  if (typeof a.goods === "string" && a.goods.trim()) custom.goods = a.goods.trim();
  if (typeof a.filings === "number") custom.filings = a.filings;
  if (category === 10 && typeof attrs?.shares === "number") custom.shares = attrs.shares;
  if (category === 4 && typeof attrs?.is_nonbiological === "boolean") custom.isNonbiological = attrs.is_nonbiological;
  if (Object.keys(custom).length) value.custom = custom;

  if (a.amount !== null && a.amount !== undefined) {
    const amount = Number(a.amount);
    if (Number.isFinite(amount) && amount >= 0) {
      value.amount = amount;
      value.currency = (text(a.currency) ?? "usd").toUpperCase();
    } else b.change(where, `amount ${JSON.stringify(a.amount)} dropped: not a non-negative number`, "amount");
  }
  const start = dateField(a, "start_date", where, b);
  const end = dateField(a, "end_date", where, b);
  const money = mapped.kind === "donation" || mapped.kind === "contract" || mapped.kind === "funding";
  if (money && start !== undefined && (end === undefined || end === start)) value.date = start;
  else {
    if (start) value.startDate = start;
    if (end) value.endDate = end;
  }
  if (typeof a.is_current === "boolean") value.current = a.is_current; // null = unknown: left out
  const notes = text(a.notes);
  if (notes) value.notes = notes;
  const self = r.top.self ?? asRecord(r.top.links)?.self;
  if (self !== undefined) {
    const url = httpUrl(self);
    if (url) value.sources = [{ url, title: "LittleSis relationship", publisher: "LittleSis" }];
    else b.change(where, "self link dropped: not an http(s) URL", "self");
  }
  return { record: where, value };
}

function dateField(a: Record<string, unknown>, field: string, where: string, b: ReportBuilder): string | undefined {
  if (a[field] === null || a[field] === undefined) return undefined;
  const d = partialDate(a[field]);
  if (d === undefined) b.change(where, `${field} ${JSON.stringify(a[field])} dropped: not a date`, field);
  return d;
}
