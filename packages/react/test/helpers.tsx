import { createRef } from "react";
import { render } from "@testing-library/react";
import { schoolBoardExample, type PowerMapDocument } from "@powermap/core";
import { PowerMapEditor, type PowerMapEditorHandle } from "../src/PowerMapEditor.tsx";

/** Renders the editor on a document (the school-board example by default) and returns its handle. */
export function renderEditor(doc: PowerMapDocument = schoolBoardExample(), props: { readOnly?: boolean; onChange?: (d: PowerMapDocument) => void } = {}) {
  const ref = createRef<PowerMapEditorHandle>();
  const utils = render(<PowerMapEditor ref={ref} initialDocument={doc} analysisPanels={false} {...props} />);
  const api = ref.current!;
  return { ...utils, api, map: api.getMap() };
}
