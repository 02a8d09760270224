import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface NdjsonLine {
  /** 1-based line number in the file. */
  number: number;
  /** The line without its line break; undefined when it was longer than allowed (and was skipped). */
  text?: string;
  /** Bytes of the input consumed so far (for progress). */
  bytesRead: number;
}

/**
 * The lines of a UTF-8 stream, read as the consumer asks for them (async iteration pulls one chunk
 * at a time, so a large file is never held in memory). CRLF and a leading byte-order mark are
 * accepted. A line longer than `maxLineLength` characters is skipped, not buffered: it comes out
 * with no text, so the caller can report it by number and go on.
 */
export async function* ndjsonLines(input: Readable, maxLineLength = 8 * 1024 * 1024): AsyncGenerator<NdjsonLine> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let overlong = false;
  let number = 0;
  let bytesRead = 0;
  const emit = (raw: string): NdjsonLine => {
    number += 1;
    if (overlong) {
      overlong = false;
      return { number, bytesRead };
    }
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { number, text, bytesRead };
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    const text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      yield emit(text.slice(start, nl));
      start = nl + 1;
    }
    pending = text.slice(start);
    if (pending.length > maxLineLength) {
      overlong = true;
      pending = '';
    }
  }
  pending += decoder.end();
  if (pending.length > 0 || overlong) yield emit(pending);
}
