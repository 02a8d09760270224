/** A one-line progress bar on a terminal; nothing at all when the stream is not one (a pipe, a log file, CI). */
export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

const WIDTH = 30;
const EVERY_MS = 100;

export function progressBar(
  stream: NodeJS.WriteStream | undefined,
  label: string,
  format: (done: number, total: number) => string = (d, t) => `${d}/${t}`,
): ProgressBar {
  if (!stream?.isTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(share * WIDTH);
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${format(done, total)}\x1b[K`,
    );
    drawn = true;
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < EVERY_MS && done < total) return;
      last = now;
      draw(done, total);
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}

/** 1536 → "1.5 MiB". */
export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
