import { describe, expect, it } from "vitest";
import { buildSvg, escapeXml, type SvgView } from "../../src/export/svg.ts";
import { fileNameFromTitle } from "../../src/export/download.ts";

const view = (label: string): SvgView => ({
  width: 200,
  height: 100,
  background: "#ffffff",
  font: "Arial",
  fontSize: 12,
  labelColor: "#000",
  nodes: [
    { x: 20, y: 50, r: 5, color: "#c62828", label },
    { x: 180, y: 50, r: 8, color: "javascript:alert(1)", label: null },
  ],
  edges: [{ x1: 20, y1: 50, x2: 180, y2: 50, width: 1, color: "#999", targetR: 8, arrow: true }],
});

describe("buildSvg", () => {
  it("is well-formed XML whose text is the label, whatever characters it holds", () => {
    const nasty = `<script>alert("x")</script> & 'quotes' \u0001\u0007 🙂`;
    const svg = buildSvg(view(nasty));
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    expect(doc.getElementsByTagName("script").length).toBe(0);
    const texts = Array.from(doc.getElementsByTagName("text")).map((t) => t.textContent);
    expect(texts).toEqual([`<script>alert("x")</script> & 'quotes'  🙂`]);
  });
  it("draws each node, each edge with an arrow head stopping at the target's border, and the background", () => {
    const doc = new DOMParser().parseFromString(buildSvg(view("A")), "image/svg+xml");
    expect(doc.getElementsByTagName("circle").length).toBe(2);
    expect(doc.getElementsByTagName("polygon").length).toBe(1);
    const tip = doc.getElementsByTagName("polygon")[0].getAttribute("points")!.split(" ")[0];
    expect(tip).toBe("172,50"); // 180 − target radius 8
    expect(doc.getElementsByTagName("rect")[0].getAttribute("fill")).toBe("#ffffff");
  });
  it("draws two parallel edges as curves bending to opposite sides, with heads at the target's border", () => {
    const v = view("A");
    // The same two actors, one edge each way (opposite directions carry the same curvature sign: see parallelCurvature).
    v.edges = [
      { x1: 20, y1: 50, x2: 180, y2: 50, width: 1, color: "#999", targetR: 8, arrow: true, curvature: 0.25 },
      { x1: 180, y1: 50, x2: 20, y2: 50, width: 1, color: "#999", targetR: 5, arrow: true, curvature: 0.25 },
    ];
    const doc = new DOMParser().parseFromString(buildSvg(v), "image/svg+xml");
    const paths = Array.from(doc.getElementsByTagName("path")).map((p) => p.getAttribute("d")!);
    expect(paths).toHaveLength(2);
    // Control points: midpoint (100, 50) ± curvature × length (0.25 × 160 = 40) across the line.
    const controlY = paths.map((d) => Number(/Q[\d.]+,([-\d.]+)/.exec(d)![1]));
    expect(controlY.sort((a, b) => a - b)).toEqual([10, 90]);
    expect(doc.getElementsByTagName("line").length).toBe(0);
    // Each head ends on the target's border, the distance from the target centre being its radius.
    const tips = Array.from(doc.getElementsByTagName("polygon")).map((p) => p.getAttribute("points")!.split(" ")[0]!.split(",").map(Number));
    expect(Math.hypot(tips[0]![0]! - 180, tips[0]![1]! - 50)).toBeCloseTo(8, 1);
    expect(Math.hypot(tips[1]![0]! - 20, tips[1]![1]! - 50)).toBeCloseTo(5, 1);
  });
  it("never writes a colour that is not plain colour syntax", () => {
    const svg = buildSvg(view("A"));
    expect(svg).not.toContain("javascript");
  });
});

describe("escapeXml / fileNameFromTitle", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
  it("makes a safe file name from a title", () => {
    expect(fileNameFromTitle("Riverton: Schools / 2026!", ".png")).toBe("riverton-schools-2026.png");
    expect(fileNameFromTitle(undefined, ".svg")).toBe("power-map.svg");
    expect(fileNameFromTitle("../../etc", ".json")).toBe("etc.json");
  });
});
