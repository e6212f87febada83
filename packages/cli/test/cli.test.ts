import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { graphFromDocument, influencersOf, pathsBetween, schoolBoardExample, serialize, type ExplainedPath } from "@powermap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { powermap, STACK_LINE } from "./run-cli.ts";

// Every case runs the real binary (node bin/powermap.js) as a child process; cases run concurrently
// because each start costs ~0.5 s of TypeScript loading.

// Generous: each case starts processes, and CI machines may be busy.
const TIMEOUT = 120_000;
const KARATE = fileURLToPath(new URL("./fixtures/karate.graphology.json", import.meta.url));
const expected = JSON.parse(await readFile(new URL("./fixtures/karate.expected.json", import.meta.url), "utf8")) as Record<string, Record<string, number>>;

let dir: string;
let example: string; // the shipped school-board map, as powermap JSON
let broken: string; // the same map with a bad stance and a dangling relationship end

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "powermap-cli-"));
  example = join(dir, "example.json");
  await writeFile(example, serialize(schoolBoardExample()));
  const doc = JSON.parse(serialize(schoolBoardExample())) as { actors: { id: string; stance?: number }[]; relationships: { id: string; to: string }[] };
  doc.actors[2]!.stance = 7;
  doc.relationships[4]!.to = "nobody-here";
  broken = join(dir, "broken.json");
  await writeFile(broken, JSON.stringify(doc));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Row {
  id: string;
  name: string;
  score: number;
}

describe.concurrent("powermap centrality on Zachary's karate club (graphology JSON, undirected)", { timeout: TIMEOUT }, () => {
  // Exact measures must match to rounding; eigenvector and PageRank are iterative in networkx too
  // (tolerance 1e-6 per its defaults), so both sides are only that close to the true vector.
  const tolerance: Record<string, number> = { degree: 1e-12, betweenness: 1e-12, closeness: 1e-12, eigenvector: 5e-5, pagerank: 5e-5 };
  for (const measure of ["degree", "betweenness", "closeness", "eigenvector", "pagerank"]) {
    it(`--measure ${measure} --json equals networkx's default ${measure}`, async () => {
      const r = await powermap(["centrality", KARATE, "--measure", measure, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout) as Row[];
      const want = expected[measure]!;
      expect(rows).toHaveLength(34);
      expect(new Set(rows.map((x) => x.id))).toEqual(new Set(Object.keys(want)));
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(["id", "name", "score"]);
        expect(row.name).toBe(`Member ${row.id}`);
        expect(Math.abs(row.score - want[row.id]!), `${measure} of ${row.id}`).toBeLessThanOrEqual(tolerance[measure]!);
      }
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.score).toBeGreaterThanOrEqual(rows[i]!.score);
    });
  }

  it("prints a readable aligned table limited by --top", async () => {
    const r = await powermap(["centrality", KARATE, "--measure", "betweenness", "--top", "3"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5); // header, rule, 3 rows
    expect(lines[0]).toMatch(/^#\s+name\s+id\s+betweenness$/);
    // Members 0 and 33 (the instructor and the administrator) are the two great brokers of the club.
    expect(lines[2]).toMatch(/^1\s+Member 0\s+0\s+0\.437635$/);
    expect(lines[3]).toMatch(/^2\s+Member 33\s+33\s+0\.304075$/);
    // Aligned: every row's score column ends at the same offset as the header's.
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe.concurrent("powermap validate", { timeout: TIMEOUT }, () => {
  it("accepts the example map (exit 0, summary on stdout)", async () => {
    const r = await powermap(["validate", example]);
    expect(r.code).toBe(0);
    const doc = schoolBoardExample();
    expect(r.stdout).toContain(`valid powermap file, ${doc.actors.length} actors, ${doc.relationships.length} relationships`);
  });

  it("lists every issue with its record and field (exit 1, stderr)", async () => {
    const doc = schoolBoardExample();
    const r = await powermap(["validate", broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n");
    const stance = lines.find((l) => l.includes("actors[2]"));
    expect(stance).toContain(doc.actors[2]!.id);
    expect(stance).toContain("stance");
    const dangling = lines.find((l) => l.includes("relationships[4]"));
    expect(dangling).toContain(doc.relationships[4]!.id);
    expect(dangling).toContain("nobody-here");
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it("--json prints the issues as an array naming record and field", async () => {
    const r = await powermap(["validate", broken, "--json"]);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as { record?: { collection: string; index: number; id?: string }; field?: string; severity?: string }[];
    const stance = issues.find((i) => i.record?.collection === "actors");
    expect(stance).toMatchObject({ record: { collection: "actors", index: 2, id: schoolBoardExample().actors[2]!.id }, field: "stance" });
    expect(issues.some((i) => i.record?.collection === "relationships" && i.record.index === 4)).toBe(true);
  });

  it("reports truncated JSON as an error, not a crash", async () => {
    const truncated = join(dir, "truncated.json");
    await writeFile(truncated, serialize(schoolBoardExample()).slice(0, 500));
    const r = await powermap(["validate", truncated]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/JSON/i);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe.concurrent("powermap influencers and paths on the example map", { timeout: TIMEOUT }, () => {
  it("influencers --json passes core's ranking through, best first, with explained paths", async () => {
    const r = await powermap(["influencers", example, "--target", "school-board", "--top", "8", "--json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as (Row & { paths: ExplainedPath[] })[];
    const lib = influencersOf(mapOf(), "school-board", { top: 8 });
    expect(rows).toEqual(JSON.parse(JSON.stringify(lib)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < rows.length; i++) expect(Math.abs(rows[i - 1]!.score)).toBeGreaterThanOrEqual(Math.abs(rows[i]!.score));
    // The board's own members are part of the target group, so they are not ranked as influencers.
    expect(rows.map((x) => x.id)).not.toContain("board-president");
    expect(rows.map((x) => x.id)).not.toContain("school-board");
    for (const row of rows) for (const p of row.paths) expect(p.steps.at(0)!.from.id).toBe(row.id);
  });

  it("influencers accepts a name or alias (case-insensitive) and prints a table with paths", async () => {
    const r = await powermap(["influencers", example, "--target", "THE SCHOOL BOARD", "--top", "3"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Influencers of Riverton Unified School Board");
    expect(r.stdout).toMatch(/^#\s+name\s+id\s+score\s+effect$/m);
    expect(r.stdout).toContain("Best path of each:");
    expect(r.stdout).toContain("→");
  });

  it("influencers with an unknown target fails with exit 1 and no stack", async () => {
    const r = await powermap(["influencers", example, "--target", "Nobody At All"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--target: unknown actor "Nobody At All"');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it("paths --json: k explained paths from the union to the board president, cheapest first", async () => {
    const r = await powermap(["paths", example, "--from", "union-local", "--to", "board-president", "--k", "3", "--json"]);
    expect(r.code).toBe(0);
    const paths = JSON.parse(r.stdout) as ExplainedPath[];
    expect(paths).toEqual(JSON.parse(JSON.stringify(pathsBetween(mapOf(), "union-local", "board-president", { k: 3 }))));
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(typeof p.cost).toBe("number");
      expect(p.steps[0]!.from.id).toBe("union-local");
      expect(p.steps.at(-1)!.to.id).toBe("board-president");
      for (let i = 1; i < p.steps.length; i++) expect(p.steps[i]!.from.id).toBe(p.steps[i - 1]!.to.id);
    }
    for (let i = 1; i < paths.length; i++) expect(paths[i]!.cost).toBeGreaterThanOrEqual(paths[i - 1]!.cost);
  });

  it("paths table names each step and its sources", async () => {
    const r = await powermap(["paths", example, "--from", "REA Local 12", "--to", "Linda Harmon", "--k", "2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ paths? from Riverton Education Association Local 12 to Linda Harmon, best first:/);
    expect(r.stdout).toMatch(/^ 1\. Riverton Education Association Local 12 → .* → Linda Harmon {2}\(cost [\d.]+, score [\d.]+\)$/m);
    expect(r.stdout).toMatch(/\[(\d+ sources?|unsourced)\]/);
  });
});

describe.concurrent("powermap convert and stats", { timeout: TIMEOUT }, () => {
  it("powermap → powermap is byte-identical (stable serialisation)", async () => {
    const out = join(dir, "copy.json");
    const r = await powermap(["convert", example, "-o", out]);
    expect(r.code).toBe(0);
    expect(await readFile(out, "utf8")).toBe(await readFile(example, "utf8"));
    expect(r.stderr).toContain(`Wrote powermap: ${out}`);
  });

  it("round trip powermap → graphology JSON → powermap keeps actors and relationships", async () => {
    const mid = join(dir, "example.graphology.json");
    const back = join(dir, "back.json");
    const a = await powermap(["convert", example, "-o", mid]);
    expect(a.stderr).not.toMatch(STACK_LINE);
    expect(a.code).toBe(0);
    const b = await powermap(["convert", mid, "-o", back]);
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/Read \d+ actors and \d+ relationships as graphology/);
    const original = schoolBoardExample();
    const result = JSON.parse(await readFile(back, "utf8")) as typeof original;
    expect(result.actors.map((x) => [x.id, x.name, x.kind])).toEqual(original.actors.map((x) => [x.id, x.name, x.kind]));
    expect(result.relationships.map((x) => [x.id, x.from, x.to, x.kind])).toEqual(original.relationships.map((x) => [x.id, x.from, x.to, x.kind]));
  });

  it("exits 1 and writes nothing when nothing usable was read", async () => {
    const out = join(dir, "never.json");
    const r = await powermap(["convert", broken, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("nothing usable read");
    await expect(readFile(out)).rejects.toThrow();
  });

  it("stats --json counts kinds, roles, components, density and unsourced claims", async () => {
    const r = await powermap(["stats", example, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(""); // on a pipe: no progress bar, no notes
    const s = JSON.parse(r.stdout) as {
      actors: number;
      relationships: number;
      actorsByKind: Record<string, number>;
      relationshipsByKind: Record<string, number>;
      actorsByRole: Record<string, number>;
      components: { count: number };
      unsourced: { total: number; actors: number; relationships: number };
    };
    const doc = schoolBoardExample();
    const countBy = <T>(xs: T[], key: (x: T) => string[]) => {
      const m: Record<string, number> = {};
      for (const x of xs) for (const k of key(x)) m[k] = (m[k] ?? 0) + 1;
      return m;
    };
    expect(s.actors).toBe(doc.actors.length);
    expect(s.relationships).toBe(doc.relationships.length);
    expect(s.actorsByKind).toEqual(countBy(doc.actors, (a) => [a.kind]));
    expect(s.actorsByRole).toEqual(countBy(doc.actors, (a) => (a.roles?.length ? a.roles : ["none"])));
    expect(s.relationshipsByKind).toEqual(countBy(doc.relationships, (x) => [x.kind]));
    expect(s.unsourced).toEqual({
      total: doc.actors.filter((a) => !a.sources?.length).length + doc.relationships.filter((x) => !x.sources?.length).length,
      actors: doc.actors.filter((a) => !a.sources?.length).length,
      relationships: doc.relationships.filter((x) => !x.sources?.length).length,
    });
  });

  it("stats on the karate club: one component, density 78 / C(34, 2)", async () => {
    const r = await powermap(["stats", KARATE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Actors:\s+34$/m);
    expect(r.stdout).toMatch(/^Components:\s+1 \(largest 34, isolated actors 0\)$/m);
    expect(r.stdout).toMatch(new RegExp(`^Density:\\s+${Number((78 / ((34 * 33) / 2)).toPrecision(6))}$`, "m"));
  });
});

describe.concurrent("usage and file errors", { timeout: TIMEOUT }, () => {
  it("--help prints the command's usage on stdout (exit 0)", async () => {
    // The help text of every command is checked in-process (units.test.ts); one real run here.
    const r = await powermap(["paths", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("Usage: powermap paths FILE --to B [options]")).toBe(true);
    expect(r.stdout).toContain("--from A");
    expect(r.stderr).toBe("");
  });

  it("an unknown command or option is a usage error (exit 2) with the usage", async () => {
    const a = await powermap(["frobnicate", example]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('unknown command "frobnicate"');
    expect(a.stderr).toContain("Usage: powermap COMMAND");
    const b = await powermap(["centrality", example, "--measure", "pagerank", "--colour"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("unknown option '--colour'");
    expect(b.stderr).toContain("powermap centrality --help");
    const c = await powermap(["centrality", example, "--measure", "fame"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("--measure must be one of degree");
    const d = await powermap(["paths", example, "--to", "school-board", "--k", "two"]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--k expects a whole number, got "two"');
    const e = await powermap(["centrality", example]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("missing required option --measure");
    for (const x of [a, b, c, d, e]) {
      expect(x.stdout).toBe("");
      expect(x.stderr).not.toMatch(STACK_LINE);
    }
  });

  it("a missing file is a clear error (exit 1); the stack trace appears only with --debug", async () => {
    const missing = join(dir, "nope.json");
    const r = await powermap(["stats", missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`powermap stats: cannot read "${missing}": no such file\n`);
    const debug = await powermap(["stats", missing, "--debug"]);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain("no such file");
    expect(debug.stderr).toMatch(STACK_LINE);
  });

  it("a file over the size limit is refused before it is read", async () => {
    const huge = join(dir, "huge.json");
    const handle = await open(huge, "w");
    await handle.truncate(300 * 1024 * 1024); // sparse: no real disk use
    await handle.close();
    const r = await powermap(["validate", huge]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`powermap validate: "${huge}" is 300 MB, over the 256 MB limit (raise it with --max-size MB)\n`);
  });
});

/** The example map in memory, for comparing the CLI's answers with the library's. */
function mapOf() {
  return graphFromDocument(schoolBoardExample());
}
