import type { Issue } from "../errors.ts";
import { FORMAT_NAME, FORMAT_VERSION } from "../schema/document.ts";
import { describeValue, own } from "./issues.ts";

/**
 * Format migrations: one step per version, `from` → `from + 1`, applied in order until the document
 * reaches FORMAT_VERSION. Version 1 is the first format, so the list is empty today; when version 2
 * arrives, add `{ from: 1, up: (doc) => … }` here and old files keep opening.
 */
export interface Migration {
  from: number;
  /** Returns the document rewritten for version `from + 1` (it may mutate and return its input). */
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

export type MigrateResult = { ok: true; document: Record<string, unknown> } | { ok: false; issues: Issue[] };

const fail = (code: string, field: "format" | "version", message: string): MigrateResult => ({
  ok: false,
  issues: [{ code, message: `document: field ${JSON.stringify(field)}: ${message}`, path: [field], field, severity: "error" }],
});

/**
 * Checks `format` and `version` and upgrades an older document to the current version.
 * A file from a newer powermap (a future version) is refused with a clear issue, not guessed at.
 */
export function migrate(doc: Record<string, unknown>, migrations: readonly Migration[] = MIGRATIONS, current = FORMAT_VERSION): MigrateResult {
  const format = own(doc, "format");
  if (format !== FORMAT_NAME) {
    return fail("unknown_format", "format", format === undefined ? `missing; a powermap file starts with "format": "${FORMAT_NAME}"` : `expected "${FORMAT_NAME}", got ${describeValue(format)} (not a powermap file)`);
  }
  const version = own(doc, "version");
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return fail("invalid_version", "version", `expected a format version number (1 … ${current}), got ${describeValue(version)}`);
  }
  if (version > current) {
    return fail("unsupported_version", "version", `this file uses format version ${version}, written by a newer powermap; this version reads format versions up to ${current}`);
  }
  let out = doc;
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return fail("unsupported_version", "version", `no migration from format version ${v} to ${v + 1}`);
    out = { ...step.up(out), version: v + 1 };
  }
  return { ok: true, document: out };
}
