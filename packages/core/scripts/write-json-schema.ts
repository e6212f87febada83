// Regenerates packages/core/schema/powermap.schema.json from the zod schemas.
// Run from the repo root: npx tsx packages/core/scripts/write-json-schema.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { powermapJsonSchema } from "../src/io/json-schema.ts";

const target = fileURLToPath(new URL("../schema/powermap.schema.json", import.meta.url));
writeFileSync(target, JSON.stringify(powermapJsonSchema(), null, 2) + "\n");
console.log(`wrote ${target}`);
