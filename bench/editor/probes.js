// Browser-side probes, injected into each page with addInitScript (plain JS, so nothing is
// transpiled into them). Identical for the editor and for bare sigma.
/* eslint-disable no-undef */
window.__bench = {
  /** Starts the load clock at the file input's change event (capture phase, before the app sees it). */
  armLoadTimer() {
    delete window.__t0;
    document.addEventListener("change", () => (window.__t0 = performance.now()), { capture: true, once: true });
  },

  /** Resolves with ms from that change event to the first frame SwiftShader has drawn with all actors. */
  measureLoad(expected) {
    const order = () => Number(document.body.dataset.loaded || 0) || (window.powermapEditor ? window.powermapEditor.getMap().graph.order : 0);
    const deadline = performance.now() + 300000;
    return new Promise((resolve, reject) => {
      const tick = () => {
        if (performance.now() > deadline) return reject(new Error(`map never reached ${expected} actors (have ${order()})`));
        if (window.__t0 === undefined || order() !== expected) return requestAnimationFrame(tick);
        requestAnimationFrame(() => {
          // Force the GPU process to finish drawing: a 1-pixel readPixels on every WebGL layer.
          for (const c of document.querySelectorAll("canvas")) {
            const gl = c.getContext("webgl2") || c.getContext("webgl");
            if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          }
          resolve(performance.now() - window.__t0);
        });
      };
      tick();
    });
  },

  /**
   * Pans by dragging the stage with mouse events, one move per animation frame, for durationMs
   * (the drag swings out and back twice). Returns rAF intervals, sigma render CPU times and how far
   * the camera travelled (0 means the drag did not pan).
   */
  panAndMeasure(selector, durationMs) {
    return new Promise((resolve, reject) => {
      const host = document.querySelector(selector);
      const layers = host ? host.querySelectorAll("canvas") : [];
      const top = layers[layers.length - 1];
      const sigma = window.__sigma || (window.powermapEditor && window.powermapEditor.getSigma());
      if (!host || !top || !sigma) return reject(new Error(`no sigma canvas under ${selector}`));
      const renders = [];
      let rs = 0;
      const before = () => (rs = performance.now());
      const after = () => renders.push(performance.now() - rs);
      sigma.on("beforeRender", before);
      sigma.on("afterRender", after);
      const box = host.getBoundingClientRect();
      const x0 = box.left + 30; // corners of the radial graph are empty: the press hits the stage
      const y0 = box.top + 30;
      const amp = Math.min(box.width, box.height) * 0.3;
      const fire = (type, x, y, target) =>
        target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0, buttons: type === "mouseup" ? 0 : 1, view: window }));
      const cam0 = sigma.getCamera().getState();
      let travel = 0;
      fire("mousedown", x0, y0, top);
      const frames = [];
      const start = performance.now();
      let last = start;
      const step = (now) => {
        frames.push(now - last);
        last = now;
        const c = sigma.getCamera().getState();
        travel = Math.max(travel, Math.hypot(c.x - cam0.x, c.y - cam0.y));
        const phase = Math.abs(Math.sin(((now - start) / durationMs) * 2 * Math.PI));
        if (now - start < durationMs) {
          fire("mousemove", x0 + amp * phase, y0 + amp * 0.6 * phase, document);
          requestAnimationFrame(step);
        } else {
          fire("mouseup", x0, y0, document);
          sigma.off("beforeRender", before);
          sigma.off("afterRender", after);
          resolve({ frames: frames.slice(1), renders, travel });
        }
      };
      requestAnimationFrame(step);
    });
  },
};
