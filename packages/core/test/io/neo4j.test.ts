import { describe, expect, it } from "vitest";
import { cypherName, cypherString, exportCypher, exportNeo4j, exportNeo4jAdminCsv } from "../../src/io/formats/neo4j.ts";
import { parseCsvRecords } from "../../src/io/formats/csv-parse.ts";
import { schoolBoardExample } from "../../src/examples/school-board.ts";
import { hostileDoc } from "../fixtures/io/gexf/hostile-doc.ts";

/**
 * A small reader for Cypher literals written from the Cypher manual (strings with backslash
 * escapes, numbers, booleans, null, lists, maps with plain or backquoted keys), independent of the
 * exporter. It returns the value and where the literal ended, so tests can check that nothing a
 * string contains can end it early.
 */
function readLiteral(s: string, i: number): { value: unknown; end: number } {
  const ws = () => {
    while (/\s/.test(s[i] ?? "")) i++;
  };
  const value = (): unknown => {
    ws();
    const c = s[i];
    if (c === "'" || c === '"') {
      const q = c;
      let out = "";
      i++;
      while (s[i] !== q) {
        if (i >= s.length) throw new Error("unterminated string");
        if (s[i] === "\\") {
          const e = s[i + 1];
          const map: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "\\": "\\", "'": "'", '"': '"' };
          if (e === "u") {
            out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
            i += 6;
          } else {
            if (map[e as string] === undefined) throw new Error(`bad escape \\${e}`);
            out += map[e as string];
            i += 2;
          }
        } else out += s[i++];
      }
      i++;
      return out;
    }
    if (c === "[") {
      i++;
      const arr: unknown[] = [];
      ws();
      if (s[i] === "]") return i++, arr;
      for (;;) {
        arr.push(value());
        ws();
        if (s[i] === ",") i++;
        else if (s[i] === "]") return i++, arr;
        else throw new Error(`expected , or ] at ${i}`);
      }
    }
    if (c === "{") {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (s[i] === "}") return i++, obj;
      for (;;) {
        ws();
        let key: string;
        if (s[i] === "`") {
          key = "";
          i++;
          for (;;) {
            if (s[i] === "`" && s[i + 1] === "`") {
              key += "`";
              i += 2;
            } else if (s[i] === "`") break;
            else key += s[i++];
          }
          i++;
        } else {
          const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
          if (!m) throw new Error(`bad key at ${i}`);
          key = m[0];
          i += key.length;
        }
        ws();
        if (s[i++] !== ":") throw new Error(`expected : at ${i}`);
        obj[key] = value();
        ws();
        if (s[i] === ",") i++;
        else if (s[i] === "}") return i++, obj;
        else throw new Error(`expected , or } at ${i}`);
      }
    }
    const m = /^(-?\d+(\.\d+)?(e[-+]?\d+)?|true|false|null)/i.exec(s.slice(i));
    if (!m) throw new Error(`unexpected ${s.slice(i, i + 10)}`);
    i += m[0].length;
    return JSON.parse(m[0].toLowerCase());
  };
  const v = value();
  return { value: v, end: i };
}

/** Every UNWIND batch of a script: its rows and the statement text after the literal. */
function batches(script: string): { rows: Record<string, unknown>[]; rest: string }[] {
  const out: { rows: Record<string, unknown>[]; rest: string }[] = [];
  let at = script.indexOf("UNWIND ");
  while (at >= 0) {
    const { value, end } = readLiteral(script, at + 7);
    const stop = script.indexOf(";\n", end);
    out.push({ rows: value as Record<string, unknown>[], rest: script.slice(end, stop + 1) });
    at = script.indexOf("UNWIND ", stop);
  }
  return out;
}

describe("cypherString", () => {
  const hostile = ["it's", 'say "hi"', "back\\slash", "new\nline\r\n\ttab", "' }) MATCH (n) DETACH DELETE n //", "\\' escaped?", "nul\u0000 bell\u0007 \u2028", "emoji 🏳️‍🌈 עברית", "`tick`"];
  it.each(hostile)("reads back exactly: %j", (s) => {
    const lit = cypherString(s);
    const { value, end } = readLiteral(lit, 0);
    expect(value).toBe(s);
    expect(end).toBe(lit.length);
  });
  it("quotes names with backquotes doubled", () => {
    expect(cypherName("a`b")).toBe("`a``b`");
  });
});

describe("exportCypher", () => {
  it("merges every actor and relationship of the example with its properties", () => {
    const doc = schoolBoardExample();
    const script = exportCypher(doc);
    const all = batches(script);
    const actorRows = all.filter((b) => b.rest.includes("MERGE (a:Actor")).flatMap((b) => b.rows);
    const relRows = all.filter((b) => b.rest.includes("MATCH (a:Actor")).flatMap((b) => b.rows);
    expect(actorRows.map((r) => r.id).sort()).toEqual(doc.actors.map((a) => a.id).sort());
    expect(relRows.map((r) => r.id).sort()).toEqual(doc.relationships.map((r) => r.id).sort());
    const union = actorRows.find((r) => r.id === "union-local") as { props: Record<string, unknown> };
    const u = doc.actors.find((a) => a.id === "union-local")!;
    expect(union.props).toMatchObject({ name: u.name, kind: "union", roles: u.roles, stance: u.stance, tags: u.tags, "externalIds.littlesis": "LS-900112", x: u.position?.x });
    expect(JSON.parse(union.props.sources as string)).toEqual(u.sources);
    expect(script).toContain("SET a += row.props, a:`Union`;");
    expect(script).toMatch(/MERGE \(a\)-\[r:`DONATION` \{id: row.id\}\]->\(b\)/);
  });
  it("keeps hostile strings inside their literals", () => {
    const doc = hostileDoc();
    const all = batches(exportCypher(doc));
    for (const b of all) expect(b.rest).toMatch(/^\n\] AS row\n|^\s*AS row\n/);
    const rows = all.flatMap((b) => b.rows) as { id: string; props: Record<string, unknown>; from?: string }[];
    expect(rows.find((r) => r.id === doc.actors[0]!.id)?.props).toMatchObject({ name: doc.actors[0]!.name, notes: doc.actors[0]!.notes, tags: doc.actors[0]!.tags });
    expect(rows.find((r) => r.id === "b&c")?.props["custom.weird key <x>"]).toBe("v&v");
    expect(rows.find((r) => r.id === "r<1>")).toMatchObject({ from: doc.actors[0]!.id, to: "b&c", props: { label: "<script>alert(1)</script>" } });
  });
});

describe("exportNeo4jAdminCsv", () => {
  it("writes neo4j-admin headers, labels, types and array cells", () => {
    const doc = schoolBoardExample();
    const files = exportNeo4jAdminCsv(doc);
    const actors = parseCsvRecords(files["actors.csv"], ",").records.map((r) => r.cells);
    const header = actors[0]!;
    expect(header[0]).toBe("id:ID");
    expect(header.at(-1)).toBe(":LABEL");
    expect(header).toEqual(expect.arrayContaining(["name", "kind", "stance:int", "power:int", "roles:string[]", "tags:string[]", "x:double", "y:double"]));
    const row = actors.find((r) => r[0] === "union-local")!;
    const cell = (h: string) => row[header.indexOf(h)];
    expect([cell("name"), cell("stance:int"), cell("tags:string[]"), cell(":LABEL")]).toEqual([doc.actors[0]!.name, "2", "labor;coalition", "Actor;Union"]);
    expect(actors).toHaveLength(doc.actors.length + 1);
    const rels = parseCsvRecords(files["relationships.csv"], ",").records.map((r) => r.cells);
    expect(rels[0]!.slice(0, 4)).toEqual([":START_ID", ":END_ID", ":TYPE", "id"]);
    expect(rels).toHaveLength(doc.relationships.length + 1);
    const r0 = doc.relationships[0]!;
    expect(rels[1]!.slice(0, 4)).toEqual([r0.from, r0.to, r0.kind.toUpperCase(), r0.id]);
  });
  it("keeps hostile text intact (neo4j-admin reads cells literally, so no formula marks)", () => {
    const doc = hostileDoc();
    const rows = parseCsvRecords(exportNeo4jAdminCsv(doc)["actors.csv"], ",").records.map((r) => r.cells);
    const header = rows[0]!;
    expect(rows[1]![header.indexOf("notes")]).toBe(doc.actors[0]!.notes);
    expect(rows[2]![header.indexOf("name")]).toBe(doc.actors[1]!.name);
  });
  it("exportNeo4j bundles the script, both CSV files and the import command", () => {
    const files = exportNeo4j(schoolBoardExample());
    expect(Object.keys(files).sort()).toEqual(["actors.csv", "import.sh", "map.cypher", "relationships.csv"]);
    expect(files["import.sh"]).toContain("neo4j-admin database import full --nodes=actors.csv --relationships=relationships.csv");
  });
});
