import { z } from "zod";
import { FORMAT_VERSION, PowerMapDocument } from "../schema/document.ts";

/** Where the published schema lives (also its `$id`). */
export const JSON_SCHEMA_ID = `https://powermap.example.org/schema/powermap-v${FORMAT_VERSION}.schema.json`;

/**
 * JSON Schema (draft 2020-12) of the file format, generated from the zod schemas, so other tools can
 * validate powermap files without our code. Cross-record rules (unique ids, existing endpoints,
 * date order) and a few refinements (real calendar dates, http(s)-only URLs) cannot be expressed
 * in JSON Schema and are checked by `parse` only. Published as `@powermap/core/schema.json`.
 */
export function powermapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PowerMapDocument, { target: "draft-2020-12", unrepresentable: "any", io: "input" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: JSON_SCHEMA_ID,
    title: "powermap document",
    description: `A power map: actors (nodes), relationships (directed edges from -> to) and metadata. Format version ${FORMAT_VERSION}.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
