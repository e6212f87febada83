// Timing and peak-memory helpers shared by the benchmark workers.
import { readFileSync, writeFileSync } from "node:fs";

const gc = (globalThis as { gc?: () => void }).gc;

/** Full GC when node runs with --expose-gc (the bench script passes it). */
export function collect(): void {
  gc?.();
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Waits (without spinning) until V8's background GC threads are idle: after a full GC of a large
 * heap, concurrent sweeping goes on for a while and would otherwise be counted in the CPU time of
 * the next measured operation (4× on a PageRank at 100k actors).
 */
export function settle(maxMs = 3000): void {
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    const c0 = process.cpuUsage();
    Atomics.wait(sleeper, 0, 0, 30);
    const c = process.cpuUsage(c0);
    if (c.user + c.system < 2000) return; // < 2 ms of CPU in 30 ms: quiet
  }
}

let canResetPeak: boolean | undefined;

/**
 * Resets the kernel's peak-RSS counter (VmHWM) of this process, like the baseline did, so the peak
 * seen afterwards belongs to the next operation (plus what the process already holds). Linux only.
 */
export function resetPeak(): boolean {
  if (canResetPeak === false) return false;
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    canResetPeak = true;
  } catch {
    canResetPeak = false;
  }
  return canResetPeak;
}

/** Peak RSS in MB since the last reset (VmHWM), or the current RSS when unavailable. */
export function peakMB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss / 1048576;
}

/** Bytes currently held by JS objects and array buffers (after a full GC). */
export function heldBytes(): number {
  collect();
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export interface Timing {
  /** Median CPU time (user + system) of this process: stable on a shared, oversubscribed machine. */
  medianMs: number;
  /** Median wall-clock time. */
  wallMs: number;
  runs: number;
  /** Largest process peak RSS seen during a run. */
  peakMB: number;
  /** Largest rise of the peak RSS above the RSS held just before a run. */
  extraMB: number;
}

/**
 * Runs `fn` several times: 5 runs when one takes < 1 s, 3 when < 10 s, else 1; returns the median
 * CPU and wall times and the largest peak RSS seen. `keep` receives each result so it stays alive until measured.
 */
export function time<T>(fn: () => T, keep?: (x: T) => void): Timing {
  const times: number[] = [];
  const walls: number[] = [];
  let peak = 0;
  let extra = 0;
  let planned = 1;
  for (let i = 0; i < planned; i++) {
    collect();
    settle();
    resetPeak();
    const held = process.memoryUsage().rss / 1048576;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const x = fn();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const dt = (c.user + c.system) / 1000;
    walls.push(wall);
    const p = peakMB();
    peak = Math.max(peak, p);
    extra = Math.max(extra, p - held);
    keep?.(x);
    times.push(dt);
    if (i === 0) planned = dt < 1000 ? 5 : dt < 10000 ? 3 : 1;
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { medianMs: median(times), wallMs: median(walls), runs: times.length, peakMB: peak, extraMB: extra };
}
