/** Whether this environment can give sigma a WebGL context (jsdom and some locked-down browsers cannot). */
export function webglAvailable(): boolean {
  if (typeof window === "undefined" || typeof document === "undefined") return false;
  // jsdom logs a "not implemented" error on getContext: skip the probe there.
  if (typeof navigator !== "undefined" && /jsdom/i.test(navigator.userAgent)) return false;
  try {
    const canvas = document.createElement("canvas");
    return Boolean(canvas.getContext("webgl2") ?? canvas.getContext("webgl"));
  } catch {
    return false;
  }
}
