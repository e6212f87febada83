import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm start` (root) runs `vite` here: a fixed port on loopback so the README's URL is stable.
export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 2000 },
  worker: { format: "es" },
});
