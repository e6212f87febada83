/**
 * The edge programs sigma draws with: straight arrows and lines, their curved twins for parallel
 * relationships (@sigma/edge-curve), and the same set without a picking pass for big maps. Loaded
 * lazily, like sigma itself: these modules touch WebGL globals when they load.
 */
import type { EdgeProgramType } from "sigma/rendering";

export interface EdgeProgramSets {
  /** With edge picking: relationships can be hovered and clicked on the canvas. */
  interactive: Record<string, EdgeProgramType>;
  /**
   * Without the picking pass (every frame draws all edges a second time, off screen, to know which
   * one is under the pointer): for big maps, where that pass costs as much as the picture.
   */
  drawOnly: Record<string, EdgeProgramType>;
}

/** A program class that never renders into the picking buffer. */
function withoutPicking(Program: EdgeProgramType): EdgeProgramType {
  // The constructor signature is sigma's: (gl, pickingBuffer, renderer); only the buffer changes.
  return class extends Program {
    constructor(gl: WebGLRenderingContext, _pickingBuffer: WebGLFramebuffer | null, renderer: ConstructorParameters<EdgeProgramType>[2]) {
      super(gl, null, renderer);
    }
  } as EdgeProgramType;
}

export async function loadEdgePrograms(): Promise<EdgeProgramSets> {
  const [{ EdgeArrowProgram, EdgeRectangleProgram }, { default: EdgeCurveProgram, EdgeCurvedArrowProgram }] = await Promise.all([
    import("sigma/rendering"),
    import("@sigma/edge-curve"),
  ]);
  const interactive: Record<string, EdgeProgramType> = {
    arrow: EdgeArrowProgram,
    line: EdgeRectangleProgram,
    curvedArrow: EdgeCurvedArrowProgram,
    curved: EdgeCurveProgram,
  };
  const drawOnly = Object.fromEntries(Object.entries(interactive).map(([k, P]) => [k, withoutPicking(P)]));
  return { interactive, drawOnly };
}
