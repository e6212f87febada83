// Process entry of the `powermap` binary (started by bin/powermap.js).
import { run } from "./run.ts";

// A closed pipe (`powermap … | head`) is not an error worth a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
