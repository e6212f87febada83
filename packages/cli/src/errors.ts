/**
 * CLI failures and their exit codes. Exit 1: the data or the request cannot be answered (missing or
 * invalid file, unknown actor, nothing usable imported). Exit 2: the command line itself is wrong
 * (unknown command or option, missing or malformed option value).
 */

export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

/** A failure to report on stderr without a stack trace. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: number = EXIT_DATA,
    /** Extra lines printed after the message (issues, candidates, hints). */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** The command line is wrong: printed with a pointer to `--help`, exit code 2. */
export class CliUsageError extends CliError {
  override name = "CliUsageError";
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message, EXIT_USAGE);
  }
}
