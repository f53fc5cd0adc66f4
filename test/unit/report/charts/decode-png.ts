import { inflateSync } from 'node:zlib';

/** A decoded 8-bit RGB or RGBA image: `channels` bytes per pixel, rows top to bottom. */
export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
}

/** Decodes a non-interlaced 8-bit RGB/RGBA PNG (what resvg writes), undoing the per-row filters. */
export function decodePng(png: Buffer): DecodedPng {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      channels = { 2: 3, 6: 4 }[body[9]] ?? 0;
      if (!channels) throw new Error(`colour type ${body[9]}`);
    }
    if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? data[y * stride + x - channels] : 0;
      const up = y > 0 ? data[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      data[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, channels, data };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** How many pixels in rows [top, bottom) are dark (all of R, G and B below 100): text and lines. */
export function darkPixels(image: DecodedPng, top: number, bottom: number): number {
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < image.width; x++) {
      const p = (y * image.width + x) * image.channels;
      if (image.data[p] < 100 && image.data[p + 1] < 100 && image.data[p + 2] < 100) count++;
    }
  }
  return count;
}
