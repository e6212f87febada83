import { defineConfig } from "vite";

// Builds the bare-sigma baseline page (sigma.html) for run.ts.
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: "dist/sigma", emptyOutDir: true, rollupOptions: { input: "sigma.html" } },
});
