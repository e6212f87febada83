// Benchmark: import 100k FollowTheMoney entities + 300k relationships from JSON Lines, by stream.
// Run: node --expose-gc --import tsx bench/import-ftm.ts [entities] [relationships]
// Writes a temp file, streams it through importFtmStream, prints time and peak memory.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { importFtmStream } from "../packages/core/src/io/formats/ftm.ts";
import { mulberry32 as rng } from "../packages/core/src/metrics/random.ts";

const ENTITIES = Number(process.argv[2] ?? 100_000);
const RELATIONSHIPS = Number(process.argv[3] ?? 300_000);

async function generate(path: string): Promise<void> {
  const rand = rng(42);
  const out = createWriteStream(path, "utf8");
  const write = async (line: string): Promise<void> => {
    if (!out.write(line + "\n")) await once(out, "drain");
  };
  const schemata = ["Person", "Person", "Company", "Organization", "PublicBody", "LegalEntity"];
  const persons: number[] = [];
  const orgs: number[] = [];
  const pick = (list: number[]): number => list[Math.floor(rand() * list.length)] ?? 0;
  for (let i = 0; i < ENTITIES; i++) (schemata[i % schemata.length] === "Person" ? persons : orgs).push(i);
  const edge = (i: number): string => {
    const t = i % 6;
    const id = `rel-${i}`;
    const year = 1990 + Math.floor(rand() * 35);
    switch (t) {
      case 0: return JSON.stringify({ id, schema: "Ownership", properties: { owner: [`e-${pick(orgs)}`], asset: [`e-${pick(orgs)}`], percentage: [String(Math.floor(rand() * 100))], startDate: [`${year}-01-01`] } });
      case 1: return JSON.stringify({ id, schema: "Directorship", properties: { director: [`e-${pick(persons)}`], organization: [`e-${pick(orgs)}`], role: ["Director"], startDate: [String(year)] } });
      case 2: return JSON.stringify({ id, schema: "Payment", properties: { payer: [`e-${pick(orgs)}`], beneficiary: [`e-${pick(orgs)}`], amount: [String(Math.floor(rand() * 1e6) / 100)], currency: ["EUR"], date: [`${year}-06-30`] } });
      case 3: return JSON.stringify({ id, schema: "Membership", properties: { member: [`e-${pick(persons)}`], organization: [`e-${pick(orgs)}`], role: ["Member"] } });
      case 4: return JSON.stringify({ id, schema: "Family", properties: { person: [`e-${pick(persons)}`], relative: [`e-${pick(persons)}`], relationship: ["sibling"] } });
      default: return JSON.stringify({ id, schema: "Employment", properties: { employee: [`e-${pick(persons)}`], employer: [`e-${pick(orgs)}`], role: ["Analyst"] } });
    }
  };
  const entity = (i: number): string => {
    const schema = schemata[i % schemata.length] ?? "Person";
    const props: Record<string, string[]> = { name: [`${schema} ${i}`], country: ["de"] };
    if (schema === "Person") props.birthDate = [`${1940 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`];
    if (i % 10 === 0) props.alias = [`Alias ${i}`];
    if (i % 7 === 0) props.sourceUrl = [`https://example.org/e/${i}`];
    return JSON.stringify({ id: `e-${i}`, schema, properties: props, datasets: ["bench"] });
  };
  // Interleave so a third of the edges come before the entities they point to (they are buffered).
  let e = 0;
  let r = 0;
  while (e < ENTITIES || r < RELATIONSHIPS) {
    for (let k = 0; k < 3 && r < RELATIONSHIPS; k++) await write(edge(r++));
    if (e < ENTITIES) await write(entity(e++));
  }
  out.end();
  await once(out, "finish");
}

const dir = mkdtempSync(join(tmpdir(), "powermap-ftm-bench-"));
const file = join(dir, "entities.ftm.jsonl");
try {
  const g0 = performance.now();
  await generate(file);
  const genMs = performance.now() - g0;
  const bytes = statSync(file).size;
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const timer = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const t0 = performance.now();
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  const result = await importFtmStream(lines);
  const ms = performance.now() - t0;
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(0) + " MB";
  const r = result.report;
  console.log(JSON.stringify({
    file: { entities: ENTITIES, relationships: RELATIONSHIPS, size: mb(bytes), generateMs: Math.round(genMs) },
    imported: r.imported,
    skipped: r.skipped.length,
    changed: r.changed.length,
    warnings: r.warnings.length,
    importMs: Math.round(ms),
    recordsPerSecond: Math.round(((ENTITIES + RELATIONSHIPS) / ms) * 1000),
    peakRss: mb(process.resourceUsage().maxRSS * 1024),
    peakHeapSampled: mb(peakHeap),
    node: process.version,
  }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
