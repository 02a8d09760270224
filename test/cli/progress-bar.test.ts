import { bytes, progressBar } from '../../src/cli/progress-bar';

const fakeStream = (isTTY: boolean) => {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
};

describe('the CLI progress bar', () => {
  it('draws on a terminal, throttled, and ends its line', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressBar(stream, 'Exporting', (d, t) => `${d}/${t} records`);
    bar.update(0, 200);
    bar.update(50, 200); // within 100 ms of the last draw: skipped
    bar.update(200, 200); // the end is always drawn
    bar.done();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\rExporting \[\.{30}\] {3}0% 0\/200 records/);
    expect(written[1]).toMatch(/^\rExporting \[#{30}\] 100% 200\/200 records/);
    expect(written[2]).toBe('\n');
  });

  it('stays quiet when stderr is not a terminal (pipes, CI, logs)', () => {
    const { stream, written } = fakeStream(false);
    const bar = progressBar(stream, 'Importing');
    bar.update(5, 10);
    bar.done();
    expect(written).toEqual([]);
    expect(() => progressBar(undefined, 'x').update(1, 1)).not.toThrow();
  });

  it('prints sizes in binary units', () => {
    expect([bytes(512), bytes(1536), bytes(337_582_049)]).toEqual(['512 B', '1.5 KiB', '321.9 MiB']);
  });
});
