/**
 * "Paths": from → to, the k best paths (core's pathsBetween), listed with their steps and lit on
 * the map — all of them after a search, one when its "Show on map" is pressed. On a big map the
 * search runs in the analysis worker (see use-query-run.ts).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ExplainedPath } from "@powermap/core";
import { useEditor } from "../../context.ts";
import { ActorPicker } from "./ActorPicker.tsx";
import { pathsHighlight } from "./highlight.ts";
import { PathList } from "./PathList.tsx";
import { pathsIn } from "./queries.ts";
import { QueryProgress } from "./QueryProgress.tsx";
import { firstWithRole, useVersion } from "./use-map-version.ts";
import { useAnalysisClient, useQueryRun } from "./use-query-run.ts";

export const MAX_K = 10;

interface Result {
  from: string;
  to: string;
  paths: ExplainedPath[];
  version: number;
}

export function PathsPanel() {
  const { map, setHighlight, registerQuery } = useEditor();
  const version = useVersion(map);
  const [from, setFrom] = useState<string | null>(() => firstWithRole(map, "own"));
  const [to, setTo] = useState<string | null>(() => firstWithRole(map, "target"));
  const [k, setK] = useState(3);
  const [result, setResult] = useState<Result | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const client = useAnalysisClient();
  const query = useQueryRun(map, version);
  const startQuery = query.start;

  const run = useCallback(
    (a: string | null, b: string | null, count: number): ExplainedPath[] | Promise<ExplainedPath[]> => {
      setActive(null);
      if (a === null || b === null || !map.graph.hasNode(a) || !map.graph.hasNode(b)) {
        setError("Pick both ends first.");
        setResult(null);
        return [];
      }
      const fail = (e: unknown): void => {
        setError(e instanceof Error ? e.message : String(e));
        setResult(null);
      };
      const resultVersion = map.version;
      setResult(null);
      setError(null);
      const name = (id: string): string => map.graph.getNodeAttributes(id).name;
      try {
        return startQuery(
          `Finding paths from ${name(a)} to ${name(b)}…`,
          (opts) => pathsIn(client, map, a, b, Math.max(1, Math.min(MAX_K, Math.round(count))), opts),
          (paths) => {
            setError(null);
            setResult({ from: a, to: b, paths, version: resultVersion });
            setHighlight(pathsHighlight(paths, [a, b]));
          },
          fail,
        );
      } catch (e) {
        fail(e);
        return [];
      }
    },
    [map, setHighlight, client, startQuery],
  );

  const runRef = useRef(run);
  runRef.current = run;
  useEffect(
    () =>
      registerQuery("paths", (p) => {
        const a = typeof p.from === "string" ? p.from : null;
        const b = typeof p.to === "string" ? p.to : null;
        const count = typeof p.k === "number" ? p.k : 3;
        setFrom(a);
        setTo(b);
        setK(count);
        return runRef.current(a, b, count);
      }),
    [registerQuery],
  );
  useEffect(() => () => setHighlight(null), [setHighlight]);

  const show = (i: number) => {
    if (!result) return;
    const next = active === i ? null : i;
    setActive(next);
    setHighlight(pathsHighlight(next === null ? result.paths : [result.paths[next]], [result.from, result.to]));
  };

  return (
    <section className="pma-analysis" aria-label="Paths">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          run(from, to, k);
        }}
      >
        <ActorPicker graph={map.graph} version={version} label="From" value={from} onChange={setFrom} />
        <ActorPicker graph={map.graph} version={version} label="To" value={to} onChange={setTo} />
        <div className="pma-row">
          <label>
            Best{" "}
            <input type="number" min={1} max={MAX_K} value={k} onChange={(e) => setK(Number(e.target.value) || 1)} aria-label="Number of paths" style={{ width: "3.5em" }} />{" "}
            paths
          </label>
          <button type="submit">Find paths</button>
          {result && (
            <button
              type="button"
              onClick={() => {
                setResult(null);
                setHighlight(null);
              }}
            >
              Clear
            </button>
          )}
        </div>
      </form>
      <QueryProgress running={query.running} notice={query.notice} onCancel={query.cancel} />
      {error && <p role="alert" className="pma-error">{error}</p>}
      {result && (
        <>
          <p className="pma-muted" role="status">
            {result.paths.length === 0 ? "No path between them in this map." : `${result.paths.length} path${result.paths.length === 1 ? "" : "s"}, best first.`}
            {result.version !== version && " The map changed since: search again to update."}
          </p>
          <PathList paths={result.paths} active={active} onShow={show} label="Paths found" />
        </>
      )}
    </section>
  );
}
