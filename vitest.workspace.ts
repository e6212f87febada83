// The test projects, one per workspace. Vitest 4 no longer reads this file by itself:
// vitest.config.ts imports it, so `npm test` runs exactly these projects.
import react from "@vitejs/plugin-react";
import type { TestProjectInlineConfiguration } from "vitest/config";

export const projects: TestProjectInlineConfiguration[] = [
  { test: { name: "core", root: "packages/core", include: ["test/**/*.test.ts"], environment: "node" } },
  { test: { name: "cli", root: "packages/cli", include: ["test/**/*.test.ts"], environment: "node", testTimeout: 30_000 } },
  {
    plugins: [react()],
    test: { name: "react", root: "packages/react", include: ["test/**/*.test.{ts,tsx}"], environment: "jsdom" },
  },
  {
    test: {
      name: "browser",
      root: "apps/editor",
      include: ["test/e2e/**/*.e2e.test.ts"],
      globalSetup: ["test/e2e/global-setup.ts"],
      environment: "node",
      testTimeout: 120_000,
      hookTimeout: 180_000,
      fileParallelism: false,
    },
  },
];

export default projects;
