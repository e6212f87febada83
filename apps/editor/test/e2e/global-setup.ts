// Global setup of the browser test project: one production build of the editor for every test
// file (each used to build its own: half a minute apiece). Test files run in child processes
// started after this, so they see E2E_PREBUILT and only serve the build.
import { buildDir, buildEditor } from "./harness.ts";

export default async function setup(): Promise<void> {
  const dir = buildDir();
  await buildEditor(dir);
  process.env.E2E_PREBUILT = dir;
}
