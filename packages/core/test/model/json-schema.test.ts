import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { powermapJsonSchema } from "../../src/io/index.ts";
import { ACTOR_KINDS, RELATIONSHIP_KINDS } from "../../src/schema/index.ts";

const file = fileURLToPath(new URL("../../schema/powermap.schema.json", import.meta.url));

describe("published JSON Schema", () => {
  it("schema/powermap.schema.json is up to date (regenerate: npx tsx packages/core/scripts/write-json-schema.ts)", () => {
    expect(readFileSync(file, "utf8")).toBe(JSON.stringify(powermapJsonSchema(), null, 2) + "\n");
  });

  it("describes the format's fields, enums and ranges", () => {
    type S = { properties: Record<string, S>; items: S; enum: string[]; minimum: number; maximum: number; type: string; required: string[]; const: unknown };
    const s = powermapJsonSchema() as unknown as S;
    expect(s.required).toEqual(expect.arrayContaining(["format", "version", "meta", "actors", "relationships"]));
    expect(s.properties.format!.const).toBe("powermap");
    const actor = s.properties.actors!.items;
    expect(actor.properties.kind!.enum).toEqual([...ACTOR_KINDS]);
    expect(actor.properties.stance).toMatchObject({ type: "integer", minimum: -2, maximum: 2 });
    expect(actor.required).toEqual(["id", "name", "kind"]);
    const rel = s.properties.relationships!.items;
    expect(rel.properties.kind!.enum).toEqual([...RELATIONSHIP_KINDS]);
    expect(rel.properties.strength).toMatchObject({ type: "integer", minimum: 1, maximum: 5 });
  });
});
