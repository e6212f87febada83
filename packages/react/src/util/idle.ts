/**
 * Deferring heavy, postponable work (serialising a big map for onChange or autosave) to a moment
 * when the page is idle and the user is not dragging, panning or zooming — so it never lands in the
 * middle of a camera move.
 */

/** Options of {@link runWhenIdle}. */
export interface IdleOptions {
  /** Wait at least this long (ms) first. */
  delayMs: number;
  /** While this returns true (e.g. the camera moves), wait and ask again. */
  busy?: () => boolean;
  /** Run anyway after this long of waiting for idleness (ms). */
  maxWaitMs?: number;
}

type IdleWindow = { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

/** Runs `fn` once after `delayMs`, at idle time and when not busy. Returns a cancel function. */
export function runWhenIdle(fn: () => void, { delayMs, busy, maxWaitMs = 15_000 }: IdleOptions): () => void {
  const w = (typeof window === "undefined" ? {} : window) as IdleWindow;
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: number | null = null;
  let done = false;
  const attempt = () => {
    timer = null;
    if (done) return;
    if (busy?.() && Date.now() - started < maxWaitMs) {
      timer = setTimeout(attempt, 500);
      return;
    }
    const go = () => {
      idle = null;
      if (done) return;
      if (busy?.() && Date.now() - started < maxWaitMs) {
        timer = setTimeout(attempt, 500);
        return;
      }
      done = true;
      fn();
    };
    if (w.requestIdleCallback) idle = w.requestIdleCallback(go, { timeout: 2_000 });
    else go();
  };
  timer = setTimeout(attempt, delayMs);
  return () => {
    done = true;
    if (timer !== null) clearTimeout(timer);
    if (idle !== null) w.cancelIdleCallback?.(idle);
  };
}
