// Shared by the LittleSis, Oligrapher, Kumu and FtM tests (named with a prefix of this helper's area).
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { PowerMapDocument } from "../../src/schema/index.ts";
import type { ImportResult } from "../../src/io/formats/report.ts";

/** A fixture written for these tests (packages/core/test/fixtures/io/...). */
export const fixture = (path: string): string => readFileSync(new URL(`../fixtures/io/${path}`, import.meta.url), "utf8");
/** A real public file, copied into test/fixtures/real (see its README). */
export const shared = (path: string): string => readFileSync(new URL(`../fixtures/real/${path}`, import.meta.url), "utf8");

/** Every import result must pass the core schema, without dangling ends or duplicate ids, and count right. */
export function expectValid(r: ImportResult): void {
  const parsed = PowerMapDocument.safeParse(r.document);
  expect(parsed.success).toBe(true);
  const ids = new Set(r.document.actors.map((a) => a.id));
  expect(ids.size).toBe(r.document.actors.length);
  expect(new Set(r.document.relationships.map((x) => x.id)).size).toBe(r.document.relationships.length);
  for (const rel of r.document.relationships) {
    expect(ids.has(rel.from)).toBe(true);
    expect(ids.has(rel.to)).toBe(true);
  }
  expect(r.report.imported).toEqual({ actors: r.document.actors.length, relationships: r.document.relationships.length });
}
