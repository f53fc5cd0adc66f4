// Benchmark: our CJK font subsetter (src/report/charts/subset-font.ts) against HarfBuzz's own
// (hb-subset, the WebAssembly build in the harfbuzzjs package), on the font the charts use and the
// text of a 9-category bar chart. Milliseconds per subset (median of 7), the subset's size, the
// wasm start-up, and whether resvg draws the chart pixel for pixel the same from either subset.
// Run `npm run build` first: it imports dist/.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { chartFont } from '../dist/report/charts/render-chart-png.js';
import { renderChartSvg } from '../dist/report/charts/render-chart-svg.js';
import { subsetFont } from '../dist/report/charts/subset-font.js';
import { timed } from './measure.js';
import { bars } from './sample-bar-chart.js';

const HB_MEMORY_MODE_WRITABLE = 2;

/** hb-subset of face `face` of `font` to the code points of `text` (HarfBuzz's defaults otherwise). */
function harfbuzzSubset(hb, font, face, text) {
  const input = hb.hb_subset_input_create_or_fail();
  const at = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, at);
  const blob = hb.hb_blob_create(at, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const source = hb.hb_face_create(blob, face);
  hb.hb_blob_destroy(blob);
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const char of text) hb.hb_set_add(unicodes, char.codePointAt(0));
  const subset = hb.hb_subset_or_fail(source, input);
  hb.hb_subset_input_destroy(input);
  const result = hb.hb_face_reference_blob(subset);
  const offset = hb.hb_blob_get_data(result, 0);
  const out = Buffer.from(new Uint8Array(hb.memory.buffer).subarray(offset, offset + hb.hb_blob_get_length(result)));
  hb.hb_blob_destroy(result);
  hb.hb_face_destroy(subset);
  hb.hb_face_destroy(source);
  hb.free(at);
  return out;
}

/** Median milliseconds of 7 runs, and the last result. */
async function median(run) {
  const runs = [];
  for (let i = 0; i < 7; i++) runs.push(await timed(run));
  return { ms: runs.map((r) => r.ms).sort((a, b) => a - b)[3], result: runs[6].result };
}

const svg = renderChartSvg(bars);
const text = `${svg}&<>"'`;
const font = chartFont();
const data = readFileSync(font.file);
const wasm = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
const start = await timed(async () => {
  const { instance } = await WebAssembly.instantiate(readFileSync(wasm));
  instance.exports._initialize();
  return instance.exports;
});
const ours = await median(() => subsetFont(data, font.face, text));
const theirs = await median(() => harfbuzzSubset(start.result, data, font.face, text));
const dir = mkdtempSync(join(tmpdir(), 'survey-bench-subset-'));
const pixels = (subset, name) => {
  const file = join(dir, name);
  writeFileSync(file, subset);
  const fontOptions = { loadSystemFonts: false, fontFiles: [file], defaultFontFamily: font.family, sansSerifFamily: font.family };
  return new Resvg(svg, { font: fontOptions, fitTo: { mode: 'zoom', value: 2 }, background: 'white', logLevel: 'off' }).render().pixels;
};
const same = Buffer.compare(pixels(ours.result, 'ours.otf'), pixels(theirs.result, 'hb.otf')) === 0;
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({
  bench: 'font-subset-harfbuzz', font: `${font.file}#${font.face}`,
  ours_ms: +ours.ms.toFixed(1), ours_bytes: ours.result.length,
  harfbuzz_ms: +theirs.ms.toFixed(1), harfbuzz_bytes: theirs.result.length, harfbuzz_wasm_start_ms: +start.ms.toFixed(0),
  same_pixels: same,
}));
