import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The real launcher, run as a child process exactly as users run it. */
export const BIN = fileURLToPath(new URL("../bin/powermap.js", import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/powermap.js ...args` from the repository root and collects exit code and output. */
export function powermap(args: string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } }, (err, stdout, stderr) => {
      if (err && typeof err.code !== "number") return reject(err);
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
    });
  });
}

/** A stack trace line as Node prints them. */
export const STACK_LINE = /^\s+at\s/m;
