import { Readable } from 'node:stream';
import { ndjsonLines } from '../../src/modules/transfer/ndjson-lines';

const collect = async (chunks: (string | Buffer)[], max?: number) => {
  const out: { number: number; text?: string }[] = [];
  for await (const { number, text } of ndjsonLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), max))
    out.push({ number, text });
  return out;
};

describe('reading NDJSON line by line', () => {
  it('numbers lines across chunk boundaries, CRLF and a missing final newline alike', async () => {
    expect(await collect(['{"a":1}\r\n{"b"', ':2}\n\n{"c":3}'])).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '{"b":2}' },
      { number: 3, text: '' },
      { number: 4, text: '{"c":3}' },
    ]);
  });

  it('keeps a multi-byte character split between chunks whole, and drops a byte-order mark', async () => {
    const text = Buffer.from('\ufeff{"name":"Zoë"}\n');
    const split = text.indexOf(Buffer.from('ë')) + 1;
    expect(await collect([text.subarray(0, split), text.subarray(split)])).toEqual([{ number: 1, text: '{"name":"Zoë"}' }]);
  });

  it('skips an overlong line without buffering it, and goes on with the next', async () => {
    const long = 'x'.repeat(50);
    expect(await collect(['{"ok":1}\n', long.slice(0, 30), long.slice(30) + '\n{"ok":2}\n'], 20)).toEqual([
      { number: 1, text: '{"ok":1}' },
      { number: 2, text: undefined },
      { number: 3, text: '{"ok":2}' },
    ]);
  });
});
