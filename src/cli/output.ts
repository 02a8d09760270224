import type { Readable, Writable } from 'node:stream';

/** Where CLI commands write: stdout for results, stderr for messages, so `--json` output pipes cleanly. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard output as a stream, for commands that stream their result (export) and must respect backpressure. */
  stdoutStream?: Writable;
  /** Standard input, for commands that read their data from it (import with `-` or no file). */
  stdinStream?: Readable;
  /** Standard error as a stream: a progress bar is drawn there, and only when it is a terminal. */
  stderrStream?: NodeJS.WriteStream;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  stdoutStream: process.stdout,
  stdinStream: process.stdin,
  stderrStream: process.stderr,
};

/** Prints rows as an aligned plain-text table. */
export function table(rows: Record<string, string>[]): string {
  if (rows.length === 0) return '(none)';
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n');
}
