/**
 * One query of a panel at a time, on the spot or in the analysis worker: while a background run
 * lasts the panel shows its phase with a Cancel button, and an edit of the map drops it (the
 * answer would be for a revision the map has left) with a "map changed — run again" notice.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { PowerMap } from "@powermap/core";
import { useEditor } from "../../context.ts";
import { AnalysisClient } from "../../worker/client.ts";
import type { AnalysisProgress } from "../../worker/protocol.ts";
import type { BackgroundQueryOptions } from "./queries.ts";

/** A background run, as the panel shows it. */
export interface RunningQuery {
  /** e.g. "Finding influencers of Riverton School Board…". */
  label: string;
  version: number;
  progress: AnalysisProgress | null;
}

/**
 * The editor's analysis client, when the editor provides one (the built-in controller does);
 * null in hosts of the context without it: queries then run on the spot.
 */
export function useAnalysisClient(): AnalysisClient | null {
  const ctx: object = useEditor();
  const client = (ctx as { analysis?: unknown }).analysis;
  return client instanceof AnalysisClient ? client : null;
}

export const STALE_NOTICE = "The map changed during the search: run it again for the current map.";
export const CANCELLED_NOTICE = "Search cancelled.";

export function useQueryRun(map: PowerMap, version: number) {
  const [running, setRunning] = useState<RunningQuery | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = useRef<{ ctrl: AbortController; version: number; stale: boolean } | null>(null);

  const stop = useCallback((stale: boolean) => {
    const c = current.current;
    if (!c) return;
    c.stale = stale;
    c.ctrl.abort();
  }, []);

  // An edit while a run lasts: its answer would be for another revision — drop it now.
  useEffect(() => {
    if (current.current && current.current.version !== version) stop(true);
  }, [version, stop]);
  // Unmount: nobody is left to show the answer.
  useEffect(() => () => stop(false), [stop]);

  /**
   * Starts `compute` (which answers now with the value, or later with a Promise). `apply` shows a
   * value; `fail` shows an error of the query itself. Returns what `compute` returned, the Promise
   * rejecting when the run is cancelled or dropped.
   */
  const start = useCallback(
    <T>(label: string, compute: (opts: BackgroundQueryOptions) => T | Promise<T>, apply: (value: T) => void, fail: (e: unknown) => void): T | Promise<T> => {
      stop(false);
      setNotice(null);
      const ctrl = new AbortController();
      const run = { ctrl, version: map.version, stale: false };
      current.current = run;
      const mine = (): boolean => current.current === run;
      const out = compute({
        signal: ctrl.signal,
        onProgress: (progress) => {
          if (mine()) setRunning((r) => (r ? { ...r, progress } : r));
        },
      });
      if (!(out instanceof Promise)) {
        current.current = null;
        setRunning(null);
        apply(out);
        return out;
      }
      setRunning({ label, version: run.version, progress: null });
      const settle = (): boolean => {
        if (!mine()) return false;
        current.current = null;
        setRunning(null);
        return true;
      };
      out.then(
        (value) => {
          if (settle()) apply(value);
        },
        (e: unknown) => {
          const was = mine();
          settle();
          const name = e instanceof Error ? e.name : "";
          if (run.stale || name === "StaleAnalysisError") setNotice(STALE_NOTICE);
          else if (name === "AbortError") {
            if (was) setNotice(CANCELLED_NOTICE);
          } else if (was) fail(e);
        },
      );
      return out;
    },
    [map, stop],
  );

  return { running, notice, start, cancel: useCallback(() => stop(false), [stop]) };
}
