// Export of the current view (PNG, SVG) and the download helper.
export { exportPng, compositeCanvas } from "./png.ts";
export type { PngOptions } from "./png.ts";
export { exportSvg, buildSvg, svgViewFromSigma, escapeXml } from "./svg.ts";
export type { SvgView, SvgNode, SvgEdge, ViewOptions } from "./svg.ts";
export { downloadBlob, fileNameFromTitle } from "./download.ts";
