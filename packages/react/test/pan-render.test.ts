import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderAfterPan, type PanSigma } from "../src/sigma/pan-render.ts";

// A stand-in for sigma 3 with its mouse captor's end-of-drag sequence (mouse.ts handleUp): a
// zero-delay timer that calls a bare refresh() when the drag moved the camera and edges were
// hidden, queued just before the captor emits "mouseup".
function fakeSigma(hideEdgesOnMove = true) {
  const captor = Object.assign(new EventEmitter(), { draggedEvents: 0 });
  const calls: string[] = [];
  let gliding = 0; // frames of inertia left
  const sigma = {
    getCamera: () => ({ isAnimated: () => gliding-- > 0 }),
    refresh(opts?: unknown) {
      calls.push(opts === undefined ? "refresh" : `refresh ${JSON.stringify(opts)}`);
      return sigma;
    },
    scheduleRender() {
      calls.push("render");
      return sigma;
    },
    getSetting: (name: string) => (name === "hideEdgesOnMove" ? hideEdgesOnMove : undefined),
    getMouseCaptor: () => captor,
  };
  const mouseUp = (dragged: number): void => {
    captor.draggedEvents = dragged;
    setTimeout(() => {
      const moved = captor.draggedEvents > 0;
      captor.draggedEvents = 0;
      if (moved && sigma.getSetting("hideEdgesOnMove")) sigma.refresh();
    }, 0);
    captor.emit("mouseup");
  };
  const glide = (frames: number): void => void (gliding = frames);
  return { sigma: sigma as unknown as PanSigma & typeof sigma, calls, mouseUp, glide };
}

describe("renderAfterPan", () => {
  afterEach(() => vi.useRealTimers());

  it("turns the refresh sigma makes after a camera drag into a render", async () => {
    vi.useFakeTimers();
    const { sigma, calls, mouseUp } = fakeSigma();
    renderAfterPan(sigma);
    mouseUp(12);
    await vi.runAllTimersAsync();
    expect(calls).toEqual(["render"]);
    // Later refreshes (a graph change, a fit) are untouched.
    sigma.refresh();
    sigma.refresh({ schedule: true });
    expect(calls).toEqual(["render", "refresh", 'refresh {"schedule":true}']);
  });

  it("renders only once the camera has stopped gliding (inertia frames hide edges)", async () => {
    vi.useFakeTimers();
    const { sigma, calls, mouseUp, glide } = fakeSigma();
    renderAfterPan(sigma);
    glide(3);
    mouseUp(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([]);
    await vi.runAllTimersAsync();
    expect(calls).toEqual(["render"]);
  });

  it("leaves clicks, maps that do not hide edges, and removal alone", async () => {
    vi.useFakeTimers();
    const { sigma, calls, mouseUp } = fakeSigma();
    const off = renderAfterPan(sigma);
    mouseUp(0); // a click: no drag, sigma refreshes nothing, and a refresh right after it is a real one
    sigma.refresh();
    await vi.runAllTimersAsync();
    expect(calls).toEqual(["refresh"]);
    off();
    mouseUp(5);
    await vi.runAllTimersAsync();
    expect(calls).toEqual(["refresh", "refresh"]);

    const small = fakeSigma(false);
    renderAfterPan(small.sigma);
    small.mouseUp(5);
    await vi.runAllTimersAsync();
    small.sigma.refresh();
    expect(small.calls).toEqual(["refresh"]);
  });
});
