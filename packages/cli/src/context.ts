/** What a command may touch: two output streams and the global flags. Injected so tests can fake it. */
export interface OutStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (progress bars are drawn only then). */
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Context {
  stdout: OutStream;
  stderr: OutStream;
  /** `--quiet`: no progress and no notes on stderr, only errors. */
  quiet: boolean;
  /** `--debug`: print stack traces of unexpected errors. */
  debug: boolean;
}
