// Just enough PNG decoding to tell a drawn image from a blank one: 8-bit greyscale, RGB or RGBA,
// not interlaced (what Chromium and pdftoppm write). Returns the luma of every pixel.
import zlib from 'node:zlib';

export interface Luma {
  width: number;
  height: number;
  /** 0 (black) … 255 (white), row by row. */
  pixels: Uint8Array;
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

export function decodePngLuma(file: Buffer): Luma {
  if (file.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour!] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour ${colour}, interlace ${interlace})`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const current = new Uint8Array(stride);
  let previous = new Uint8Array(stride);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? current[i - channels]! : 0;
      const b = previous[i]!;
      const c = i >= channels ? previous[i - channels]! : 0;
      const x = row[i]!;
      current[i] = (filter === 0 ? x : filter === 1 ? x + a : filter === 2 ? x + b : filter === 3 ? x + ((a + b) >> 1) : x + paeth(a, b, c)) & 0xff;
    }
    for (let px = 0; px < width; px++) {
      const base = px * channels;
      pixels[y * width + px] = channels < 3 ? current[base]! : Math.round(0.299 * current[base]! + 0.587 * current[base + 1]! + 0.114 * current[base + 2]!);
    }
    previous = Uint8Array.from(current);
  }
  return { width, height, pixels };
}

/** Share of pixels darker than mid-grey, and the variance of the luma. */
export function inkOf(image: Luma): { dark: number; variance: number } {
  let dark = 0;
  let sum = 0;
  let squares = 0;
  for (const v of image.pixels) {
    if (v < 128) dark++;
    sum += v;
    squares += v * v;
  }
  const n = image.pixels.length;
  return { dark: dark / n, variance: squares / n - (sum / n) ** 2 };
}
