import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Context } from "../context.ts";
import { CliError, CliUsageError } from "../errors.ts";
import { startProgress } from "../progress.ts";

/** Default input size limit in MB; JavaScript strings cannot exceed ~512 MB anyway. */
export const DEFAULT_MAX_MB = 256;
const HARD_MAX_MB = 500;
/** Reading shows a progress bar above this size. */
const LONG_READ_BYTES = 16 * 1024 * 1024;

/** True when `path` is an existing directory. */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Parses `--max-size MB` (a positive number up to the hard limit). */
export function maxSizeMb(raw: string | undefined, command: string): number {
  if (raw === undefined) return DEFAULT_MAX_MB;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > HARD_MAX_MB) throw new CliUsageError(`--max-size must be a number of MB between 0 and ${HARD_MAX_MB}, got "${raw}"`, command);
  return n;
}

/**
 * Reads a text file (or stdin for "-") as UTF-8 with clear errors for a missing file, a directory,
 * an unreadable file, an empty file and a file over the size limit. A byte-order mark is dropped.
 */
export async function readInputFile(file: string, ctx: Context, maxMb = DEFAULT_MAX_MB): Promise<string> {
  const maxBytes = maxMb * 1024 * 1024;
  let size: number | undefined;
  if (file !== "-") {
    let info;
    try {
      info = await stat(file);
    } catch (err) {
      throw fileError(file, err);
    }
    if (info.isDirectory()) throw new CliError(`"${file}" is a directory, expected a file`);
    if (!info.isFile()) throw new CliError(`"${file}" is not a regular file`);
    size = info.size;
    if (size > maxBytes) throw new CliError(`"${file}" is ${(size / 1024 / 1024).toFixed(0)} MB, over the ${maxMb} MB limit (raise it with --max-size MB)`);
  }
  const progress = startProgress(ctx, `Reading ${file === "-" ? "stdin" : file}`, size !== undefined && size > LONG_READ_BYTES);
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let read = 0;
  try {
    const stream = file === "-" ? process.stdin : createReadStream(file);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (read > maxBytes) throw new CliError(`input is over the ${maxMb} MB limit (raise it with --max-size MB)`);
      parts.push(decoder.decode(chunk, { stream: true }));
      progress.update(read, size);
    }
    parts.push(decoder.decode());
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw fileError(file, err);
  } finally {
    progress.finish();
  }
  const text = parts.join("");
  if (text.trim() === "") throw new CliError(`"${file}" is empty`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function fileError(file: string, err: unknown): CliError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new CliError(`cannot read "${file}": no such file`);
  if (code === "EACCES" || code === "EPERM") return new CliError(`cannot read "${file}": permission denied`);
  if (code === "EISDIR") return new CliError(`"${file}" is a directory, expected a file`);
  return new CliError(`cannot read "${file}": ${err instanceof Error ? err.message : String(err)}`);
}
