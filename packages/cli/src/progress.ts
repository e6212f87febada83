import type { Context } from "./context.ts";

/** A progress indicator for long work. All methods are no-ops when nothing is drawn. */
export interface Progress {
  /** Report `done` out of `total` units (bytes, nodes …); without total, an indeterminate message. */
  update(done: number, total?: number): void;
  /** Erase the bar (the line is left clean for the next output). */
  finish(): void;
}

const NOOP: Progress = { update() {}, finish() {} };

/**
 * Starts a progress bar on stderr. Drawn only when stderr is a terminal and `--quiet` is off, and only
 * when the caller says the work is long (`long`), so pipes and logs never see control characters.
 */
export function startProgress(ctx: Context, label: string, long = true): Progress {
  if (!long || ctx.quiet || !ctx.stderr.isTTY) return NOOP;
  const width = 30;
  let last = -1;
  let lastDraw = 0;
  const draw = (text: string) => ctx.stderr.write(`\r\x1b[K${text}`);
  draw(`${label} …`);
  return {
    update(done, total) {
      if (total === undefined || total <= 0) return;
      const fraction = Math.min(1, Math.max(0, done / total));
      const percent = Math.floor(fraction * 100);
      const now = Date.now();
      // Redraw at most every 100 ms and only when the percentage moved: cheap inside hot loops.
      if (percent === last || (now - lastDraw < 100 && percent < 100)) return;
      last = percent;
      lastDraw = now;
      const filled = Math.round(fraction * width);
      draw(`${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(percent).padStart(3)}%`);
    },
    finish() {
      ctx.stderr.write("\r\x1b[K");
    },
  };
}
