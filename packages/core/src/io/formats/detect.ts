import { detectFtm } from "./ftm.ts";
import { detectGexf } from "./gexf.ts";
import { detectGraphml } from "./graphml.ts";
import { detectGraphology } from "./graphology.ts";
import { detectKumu } from "./kumu.ts";
import { detectLittleSis } from "./littlesis.ts";
import { detectOligrapher } from "./oligrapher.ts";
import { parseJson } from "./report.ts";

/** Every format id the registry knows. */
export const FORMAT_IDS = ["powermap", "graphology", "littlesis", "oligrapher", "kumu", "ftm", "csv", "gexf", "graphml", "neo4j"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** Extensions that name one format; ".json" and ".xml" need a look at the content. */
const BY_SUFFIX: [string, FormatId][] = [
  [".powermap.json", "powermap"],
  [".powermap", "powermap"],
  [".ftm.json", "ftm"],
  [".graphology.json", "graphology"],
  [".oligrapher.json", "oligrapher"],
  [".kumu.json", "kumu"],
  [".gexf", "gexf"],
  [".graphml", "graphml"],
  [".csv", "csv"],
  [".tsv", "csv"],
  [".jsonl", "ftm"],
  [".ndjson", "ftm"],
  [".ijson", "ftm"],
  [".cypher", "neo4j"],
  [".cql", "neo4j"],
];

/** The format a file name's extension names, if it names one. */
export function formatFromFilename(filename: string): FormatId | undefined {
  const f = filename.toLowerCase();
  return BY_SUFFIX.find(([suffix]) => f.endsWith(suffix))?.[1];
}

/**
 * Tell the format of `text`: by the file name's extension when it names one, then by content
 * (XML root element, JSON shape — powermap, LittleSis, FollowTheMoney, Kumu, Oligrapher, graphology
 * — JSON Lines of FtM entities, Cypher, or a delimited header line for CSV). Undefined when unsure.
 */
export function detectFormat(text: string, filename?: string): FormatId | undefined {
  const byName = filename ? formatFromFilename(filename) : undefined;
  if (byName) return byName;
  return detectByContent(text);
}

/** Content sniffing only (see `detectFormat`). */
export function detectByContent(text: string): FormatId | undefined {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<")) return detectGexf(head) ? "gexf" : detectGraphml(head) ? "graphml" : undefined;
  if (head.startsWith("{") || head.startsWith("[")) {
    const parsed = parseJson(head);
    if (!parsed.ok) return detectFtm(head) ? "ftm" : undefined; // JSON Lines
    const v = parsed.value;
    if (typeof v === "object" && v !== null && (v as { format?: unknown }).format === "powermap") return "powermap";
    if (detectLittleSis(v)) return "littlesis";
    if (detectFtm(v)) return "ftm";
    if (detectKumu(v)) return "kumu";
    if (detectOligrapher(v)) return "oligrapher";
    if (detectGraphology(v)) return "graphology";
    return undefined;
  }
  if (/^(\/\/[^\n]*\n\s*)*(CREATE|MERGE|UNWIND|MATCH)\b/i.test(head)) return "neo4j";
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  if (/[,;\t|]/.test(firstLine) && firstLine.length < 10000) return "csv";
  return undefined;
}
