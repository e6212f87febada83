import { mkdir, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context, OutStream } from "../src/context.ts";
import { formatScore, formatTable } from "../src/format.ts";
import { commandHelp, mainHelp } from "../src/help.ts";
import { readInputFile } from "../src/input/read-file.ts";
import { decode, readInput } from "../src/input/load.ts";
import { exportData, schoolBoardExample } from "@powermap/core";
import { COMMANDS } from "../src/run.ts";

// In-process checks of the pieces the binary tests exercise only once (they cost a process each).

const sink = (): OutStream => ({ write: () => true });
const ctx: Context = { stdout: sink(), stderr: sink(), quiet: true, debug: false };

describe("help", () => {
  it("every command documents its usage, options, examples and the common flags", () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(["validate", "stats", "centrality", "influencers", "paths", "convert"]);
    for (const spec of COMMANDS) {
      const text = commandHelp(spec);
      expect(text.startsWith(`Usage: powermap ${spec.name} FILE`)).toBe(true);
      for (const name of Object.keys(spec.options)) expect(text).toContain(`--${name}`);
      for (const flag of ["--help", "--quiet", "--debug"]) expect(text).toContain(flag);
      expect(spec.examples.length).toBeGreaterThan(0);
      expect(mainHelp(COMMANDS)).toContain(`  ${spec.name} `);
    }
  });

  it("required options appear in the usage line", () => {
    const help = commandHelp(COMMANDS.find((c) => c.name === "influencers")!);
    expect(help.split("\n")[0]).toBe("Usage: powermap influencers FILE --target NAME_OR_ID [options]");
  });
});

describe("readInputFile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "powermap-read-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("names a directory, an empty file and a file over the limit", async () => {
    await mkdir(join(dir, "folder"));
    await expect(readInputFile(join(dir, "folder"), ctx)).rejects.toThrow(`"${join(dir, "folder")}" is a directory, expected a file`);
    await writeFile(join(dir, "empty.json"), "  \n");
    await expect(readInputFile(join(dir, "empty.json"), ctx)).rejects.toThrow("is empty");
    const big = join(dir, "big.json");
    const h = await open(big, "w");
    await h.truncate(3 * 1024 * 1024);
    await h.close();
    await expect(readInputFile(big, ctx, 2)).rejects.toThrow(`"${big}" is 3 MB, over the 2 MB limit (raise it with --max-size MB)`);
  });

  it("reads UTF-8 across chunk boundaries and drops a byte-order mark", async () => {
    const text = "\uFEFF" + "é€😀".repeat(40000); // multi-byte characters straddle the 64 KiB chunks
    await writeFile(join(dir, "utf8.json"), text);
    expect(await readInputFile(join(dir, "utf8.json"), ctx)).toBe(text.slice(1));
  });
});

describe("readInput", () => {
  it("reads a directory of CSV sheets (as convert --to csv writes them) as one map", async () => {
    const dir = await mkdtemp(join(tmpdir(), "powermap-sheets-"));
    try {
      const doc = schoolBoardExample();
      const sheets = exportData(doc, "csv") as Record<string, string>;
      for (const [name, text] of Object.entries(sheets)) await writeFile(join(dir, name), text);
      const input = await readInput(dir, ctx, 10);
      expect(Object.keys(input as object).sort()).toEqual(Object.keys(sheets).sort());
      const decoded = decode(input, dir, undefined, "stats");
      expect(decoded.ok).toBe(true);
      if (decoded.ok) {
        expect(decoded.map.format).toBe("csv");
        expect(decoded.map.document.actors.map((a) => a.id)).toEqual(doc.actors.map((a) => a.id));
        expect(decoded.map.document.relationships.map((r) => [r.from, r.to, r.kind])).toEqual(doc.relationships.map((r) => [r.from, r.to, r.kind]));
      }
      await mkdir(join(dir, "empty"));
      await expect(readInput(join(dir, "empty"), ctx, 10)).rejects.toThrow("is a directory, expected a file (or a directory of CSV sheets)");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("formatTable / formatScore", () => {
  it("aligns columns and neutralises control characters from imported names", () => {
    const out = formatTable([{ title: "name" }, { title: "score", align: "right" }], [["a\u001b[31mred", "1"], ["bb", "10.5"]]);
    expect(out).toBe("name       score\n---------  -----\na\uFFFD[31mred      1\nbb          10.5\n");
  });

  it("prints six significant digits", () => {
    expect(formatScore(0.43763528138528146)).toBe("0.437635");
    expect(formatScore(0)).toBe("0");
    expect(formatScore(1.5e-7)).toBe("1.5000e-7");
  });
});
