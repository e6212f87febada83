import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ReportBuilder } from "./report.ts";

/** Characters XML 1.0 cannot carry at all, not even as character references. */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for element content or a double-quoted attribute; newlines/tabs survive in attributes. */
export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** `name="value"` pairs, skipping undefined values. */
export function xmlAttrs(attrs: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join("");
}

export type XmlNode = Record<string, unknown>;

/**
 * Parse XML into plain objects (attributes without prefix, namespace prefixes removed, text as
 * "#text"), or report why it cannot be read. DTD entity declarations are refused: GEXF and
 * GraphML never need them and they are the usual route for entity-expansion attacks.
 */
export function parseXml(text: string, rb: ReportBuilder, arrays: readonly string[]): XmlNode | undefined {
  if (/<!ENTITY/i.test(text)) {
    rb.skip("file", "the file declares XML entities (<!ENTITY …>), which are not accepted; nothing imported");
    return undefined;
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    rb.skip(`line ${valid.err.line}`, `not well-formed XML: ${valid.err.msg} (column ${valid.err.col}); nothing imported`);
    return undefined;
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    processEntities: true,
    isArray: (name, _jpath, _leaf, isAttribute) => !isAttribute && arrays.includes(name),
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (e) {
    rb.skip("file", `XML could not be read: ${(e as Error).message}; nothing imported`);
    return undefined;
  }
}

/** The children of `node` named `name` as an array. */
export function kids(node: unknown, name: string): XmlNode[] {
  if (typeof node !== "object" || node === null) return [];
  const v = (node as XmlNode)[name];
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is XmlNode => typeof x === "object" && x !== null);
}

/** One child element (the first), if any. */
export function kid(node: unknown, name: string): XmlNode | undefined {
  return kids(node, name)[0];
}

/** Text content of an element parsed by `parseXml` (a plain string or an object with "#text"). */
export function textOf(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "object" && v !== null && "#text" in v) {
    const t = (v as XmlNode)["#text"];
    return typeof t === "string" ? t : t === undefined ? undefined : String(t);
  }
  return undefined;
}

/** An attribute value as a string. */
export function attr(node: XmlNode, name: string): string | undefined {
  const v = node[name];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** Convert a declared attribute value (GEXF/GraphML types) to a JSON value. */
export function typedValue(value: string, type: string | undefined): string | number | boolean {
  const t = (type ?? "string").toLowerCase();
  if (["integer", "int", "long", "short", "byte", "biginteger", "double", "float", "bigdecimal"].includes(t)) {
    const n = Number(value.trim());
    return value.trim() !== "" && Number.isFinite(n) ? n : value;
  }
  if (t === "boolean") {
    const s = value.trim().toLowerCase();
    return s === "true" || s === "1" ? true : s === "false" || s === "0" ? false : value;
  }
  return value;
}

/**
 * The id, report reference ("edge 3 (id "e3")") and endpoints of the `i`-th edge element of a GEXF
 * or GraphML file; an edge missing an endpoint is skipped in the report and gives undefined.
 */
export function edgeEnds(e: XmlNode, i: number, rb: ReportBuilder): { id?: string; ref: string; source: string; target: string } | undefined {
  const id = attr(e, "id");
  const ref = `edge ${i + 1}` + (id !== undefined ? ` (id ${JSON.stringify(id)})` : "");
  const source = attr(e, "source");
  const target = attr(e, "target");
  if (!source || !target) {
    rb.skip(ref, `edge has no ${source ? "target" : "source"}`, source ? "target" : "source");
    return undefined;
  }
  return { id, ref, source, target };
}
