// Benchmark suite: `npm run bench` (all sizes) or `npm run bench -- --quick` (1k and 10k).
// Options: --sizes 1000,10000  --no-python  --only pagerank,degree  --timeout-min 30
//          --out bench/results/other.json (default latest.json)
//          --report a.json b.json  (print the table of earlier result files, run nothing)
// For each size, bench/worker.ts runs powermap and graphology(-metrics / -shortest-path /
// -components / -communities-louvain) on the same generated graph in one process, measure by
// measure; bench/lib/peers.py runs networkx / igraph when python3 can import them. Prints a
// markdown table (median time · peak RSS increase, and the graphology/powermap ratio) and writes
// every record to bench/results/latest.json (the previous run is kept as latest.previous.json).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateEdges } from "./lib/gen.ts";
import { SMALL_LIMIT } from "./lib/limits.ts";

interface Row {
  measure: string;
  size: number;
  implementation: string;
  medianMs: number | null;
  peakMB: number | null;
  extraMB?: number;
  runs?: number;
  note?: string;
  [k: string]: unknown;
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = value("--sizes")?.split(",").map(Number) ?? (flag("--quick") ? [1000, 10000] : [1000, 10000, 100000, 200000]);
const only = value("--only");
const timeoutMs = Number(value("--timeout-min") ?? 30) * 60_000;
/** Python library → the first interpreter that imports it (pyenv's python3, then Debian's). */
const PYTHON_LIBS = ["networkx", "igraph"];
const pythonFor = new Map<string, string>();
if (!flag("--no-python")) {
  for (const lib of PYTHON_LIBS) {
    const exe = ["python3", "/usr/bin/python3"].find((py) => spawnSync(py, ["-c", `import ${lib}`]).status === 0);
    if (exe) pythonFor.set(lib, exe);
  }
}
const python = pythonFor.size > 0;

function collect(cmd: string, argv: string[], label: string): Promise<Row[]> {
  return new Promise((resolve) => {
    const rows: Row[] = [];
    const child = spawn(cmd, argv, { stdio: ["ignore", "pipe", "inherit"] });
    const timer = setTimeout(() => {
      process.stderr.write(`  ${label}: timed out after ${timeoutMs / 60000} min, stopped\n`);
      child.kill("SIGKILL");
    }, timeoutMs);
    let buf = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buf += chunk;
      let i: number;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (!line.startsWith("{")) continue;
        const row = JSON.parse(line) as Row;
        rows.push(row);
        const t = row.medianMs === null ? (row.note ?? "") : `${fmtMs(row.medianMs)}`;
        process.stderr.write(`  ${label}: ${row.measure} [${row.implementation}] ${t}\n`);
      }
    });
    child.on("close", () => {
      clearTimeout(timer);
      resolve(rows);
    });
  });
}

async function writeEdgeList(n: number, dir: string): Promise<string> {
  const g = generateEdges(n);
  const path = join(dir, `edges-${n}.txt`);
  const out = createWriteStream(path);
  for (let r = 0; r < g.from.length; r++) {
    if (!out.write(`${g.from[r]} ${g.to[r]} ${g.strength[r]}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return path;
}

function fmtMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}
function fmtSize(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
}
function cell(r: Row | undefined): string {
  if (!r) return "—";
  if (r.medianMs === null) return r.note?.startsWith("failed") ? "failed" : "—";
  return `${fmtMs(r.medianMs)} · +${Math.max(0, r.extraMB ?? 0).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const report = args.indexOf("--report");
  if (report >= 0) {
    const files = args.slice(report + 1).filter((a) => !a.startsWith("--"));
    const all = files.flatMap((f) => JSON.parse(readFileSync(f, "utf8")) as Row[]);
    process.stdout.write(table(all));
    return;
  }
  const rows: Row[] = [];
  const resultsDir = join(here, "results");
  mkdirSync(resultsDir, { recursive: true });
  const latest = value("--out") ?? join(resultsDir, "latest.json");
  if (existsSync(latest)) renameSync(latest, latest.replace(/\.json$/, "") + ".previous.json");
  // Written after every size, so a long run stopped half-way keeps what it measured.
  const save = (): void => writeFileSync(latest, JSON.stringify(rows, null, 1) + "\n");
  const tmp = mkdtempSync(join(tmpdir(), "powermap-bench-"));
  process.stderr.write(`powermap bench: sizes ${sizes.map(fmtSize).join(", ")}; python peers: ${python ? [...pythonFor].map(([lib, exe]) => `${lib} (${exe})`).join(", ") : "none (not importable, or --no-python)"}\n`);
  try {
    for (const n of sizes) {
      const wargs = ["--expose-gc", "--max-old-space-size=16000", "--import", "tsx", join(here, "worker.ts"), String(n)];
      if (only) wargs.push(only);
      rows.push(...(await collect(process.execPath, wargs, fmtSize(n))));
      if (python) {
        const path = await writeEdgeList(n, tmp);
        for (const exe of new Set(pythonFor.values())) {
          const libs = PYTHON_LIBS.filter((lib) => pythonFor.get(lib) === exe).join(",");
          rows.push(...(await collect(exe, [join(here, "lib", "peers.py"), path, String(n), String(SMALL_LIMIT), libs], `${fmtSize(n)} ${libs}`)));
        }
        for (const lib of PYTHON_LIBS.filter((l) => !pythonFor.has(l))) {
          rows.push({ measure: "availability", size: n, implementation: lib, medianMs: null, peakMB: null, note: `python module ${lib} not importable (python3, /usr/bin/python3): skipped` });
        }
        rmSync(path, { force: true });
      }
      save();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  save();
  process.stdout.write(table(rows));
  process.stdout.write(`\nresults: ${latest}\n`);
}

function table(rows: Row[]): string {
  const impls = ["powermap", "graphology", "networkx", "igraph"];
  const timed = rows.filter((r) => !r.measure.startsWith("memory") && r.implementation !== "generator" && r.measure !== "availability");
  const keys: string[] = [];
  for (const r of timed) {
    const k = `${r.measure}\u0000${r.size}`;
    if (!keys.includes(k)) keys.push(k);
  }
  // By size, keeping the order measures were run in (files given to --report may interleave).
  const sizeOf = (k: string): number => Number(k.split("\u0000")[1]);
  keys.sort((a, b) => sizeOf(a) - sizeOf(b));
  const find = (m: string, n: number, impl: string) => timed.find((r) => r.measure === m && r.size === n && r.implementation === impl);
  let out =
    "\n| measure | size | powermap (cold: snapshot built inside) | powermap (cached snapshot) | graphology | graphology ÷ powermap cold / cached | networkx | igraph |\n|---|---|---|---|---|---|---|---|\n";
  for (const k of keys) {
    const [m, nText] = k.split("\u0000") as [string, string];
    const n = Number(nText);
    if (m.endsWith("error bound")) {
      const e = find(m, n, "powermap");
      out += `| ${m} | ${fmtSize(n)} | ε = ${Number(e?.["epsilon"]).toFixed(3)} (95 %) | | | | | |\n`;
      continue;
    }
    const p = find(m, n, "powermap");
    const base = m.startsWith("load") ? find(m, n, "JSON.parse") : undefined;
    const g = find(m, n, "graphology");
    const w = find(m, n, "powermap (cached snapshot)");
    const r = (x: Row | undefined) => (x?.medianMs && g?.medianMs ? `${(g.medianMs / x.medianMs).toFixed(1)}×` : "–");
    // Not the same question: graphology finds one shortest path, pathsBetween five explained ones.
    const ratio = m.startsWith("pathsBetween") || !g?.medianMs ? "" : `${r(p)} / ${r(w)}`;
    const pc = base ? `${cell(p)} (JSON.parse ${fmtMs(base.medianMs ?? NaN)}: ${p?.medianMs && base.medianMs ? (p.medianMs / base.medianMs).toFixed(1) : "?"}×)` : cell(p);
    out += `| ${m} | ${fmtSize(n)} | ${pc} | ${w ? cell(w) : ""} | ${cell(g)} | ${ratio} | ${cell(find(m, n, impls[2]!))} | ${cell(find(m, n, impls[3]!))} |\n`;
  }
  const absent = rows.filter((r) => r.measure === "availability");
  if (absent.length) out += `\n${[...new Set(absent.map((r) => r.note))].join("; ")}.\n`;
  const mem = rows.filter((r) => r.measure.startsWith("memory"));
  if (mem.length) {
    out += "\n| memory | size | implementation | total | bytes / actor | bytes / relationship |\n|---|---|---|---|---|---|\n";
    for (const r of mem) {
      out += `| ${r.measure.replace("memory: ", "")} | ${fmtSize(r.size)} | ${r.implementation} | ${(r.peakMB ?? 0).toFixed(1)} MB | ${Number(r["bytesPerActor"]).toFixed(0)} | ${Number(r["bytesPerRelationship"]).toFixed(0)} |\n`;
    }
  }
  const graphs = rows.filter((r) => r.implementation === "generator");
  if (graphs.length) out += `\nGraphs: ${graphs.map((r) => `${fmtSize(r.size)} = ${String(r["actors"])} actors / ${String(r["relationships"])} relationships (${Number(r["jsonMB"]).toFixed(1)} MB JSON)`).join("; ")}.\n`;
  return out;
}

await main();
