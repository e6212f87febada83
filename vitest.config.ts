import { defineConfig } from "vitest/config";
import { projects } from "./vitest.workspace.ts";
import RequireEveryProject from "./scripts/require-every-project.ts";

export default defineConfig({
  test: {
    projects,
    reporters: ["default", new RequireEveryProject(projects.map((p) => p.test!.name as string))],
  },
});
