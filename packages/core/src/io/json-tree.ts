import type { Issue } from "../errors.ts";
import { describeValue } from "./issues.ts";
import { locateJsonError } from "./json-errors.ts";

/**
 * JSON text or a JS value → a fresh JSON tree owned by the caller (or an issue). A value may hold
 * cycles, functions, BigInts or share objects with its owner: the round trip through JSON turns it
 * into plain data that nobody else can change behind our back.
 */
export function toJsonTree(input: unknown): { tree: unknown } | { issue: Issue } {
  const docIssue = (code: string, message: string): Issue => ({ code, message: `document: ${message}`, path: [], severity: "error" });
  if (typeof input === "string") {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input; // tolerate a byte-order mark
    try {
      return { tree: JSON.parse(text) as unknown };
    } catch (e) {
      const at = locateJsonError(text);
      const why = at ? `line ${at.line}, column ${at.column}: ${at.message}` : (e as Error).message;
      return { issue: { code: "invalid_json", message: `invalid JSON at ${why}`, path: [], severity: "error" } };
    }
  }
  try {
    const text = JSON.stringify(input);
    if (text === undefined) return { issue: docIssue("not_json", `expected JSON data, got ${describeValue(input)}`) };
    return { tree: JSON.parse(text) as unknown };
  } catch (e) {
    const why = e instanceof RangeError ? "it is nested too deeply" : (e as Error).message;
    return { issue: docIssue("not_json", `the value cannot be represented as JSON (${why})`) };
  }
}
