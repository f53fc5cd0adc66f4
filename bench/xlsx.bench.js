// Benchmark: writeXlsx on what `survey run` writes: a 10,090-row × 45-column data sheet (a third
// Chinese labels and free text, the rest integers and decimals), 10 small styled tables and 3
// chart PNGs (1200×800). Prints build and write milliseconds and the file size as JSON.
// Run `npm run build` first: it imports dist/.
import { Resvg } from '@resvg/resvg-js';
import { writeXlsx } from '../dist/io/xlsx/write/write-xlsx.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_090);
const COLS = 45;
const LABELS = ['很不满意', '不太满意', '一般', '比较满意', '非常满意', '城市', '农村', '男', '女', '本科及以上'];
let seed = 12345;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);

/** A bar chart as a PNG rendered at twice its display size, as the report's charts are. */
function chartPng(bars) {
  const rects = Array.from({ length: bars }, (_, k) => `<rect x="${60 + k * 90}" y="${700 - (next() % 600)}" width="60" height="${next() % 600}" fill="#4472c4"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="#fff"/>${rects.join('')}</svg>`;
  return new Resvg(svg).render().asPng();
}
const pngs = [chartPng(5), chartPng(8), chartPng(12)];

const startBuild = process.hrtime.bigint();
const header = { bold: true, fill: 'D9E1F2', border: { bottom: 'thin' }, align: 'center' };
const decimal = { numFmt: '0.000' };
const data = [Array.from({ length: COLS }, (_, c) => ({ value: `${c + 1}、第${c + 1}题`, style: header }))];
for (let i = 1; i <= ROWS; i++) {
  const row = [i];
  for (let c = 1; c < COLS; c++) {
    if (c <= 14) row.push(c === 14 ? `第${i}位受访者的意见：希望改进服务${next() % 100}` : LABELS[next() % LABELS.length]);
    else if (c <= 30) row.push(next() % 7 === 0 ? null : 1 + (next() % 5));
    else row.push({ value: (next() % 1_000_000) / 7919, style: decimal });
  }
  data.push(row);
}
const top = { border: { top: 'medium', bottom: 'thin' }, bold: true, align: 'center' };
const bottom = { border: { bottom: 'medium' } };
const percent = { numFmt: '0.0%' };
const tables = Array.from({ length: 10 }, (_, t) => ({
  name: `表${t + 1} 满意度`,
  columnWidths: [24, 10, 10, 10],
  freeze: { rows: 2 },
  merges: [{ row: 0, col: 0, rows: 1, cols: 4 }],
  rows: [
    [{ value: `表${t + 1}　各项满意度的分布`, style: { bold: true, size: 12 } }],
    ['选项', '频数', '百分比', '累计'].map((value) => ({ value, style: top })),
    ...LABELS.slice(0, 5).map((label, k) => {
      const style = k === 4 ? { ...percent, ...bottom } : percent;
      return [{ value: label, style: k === 4 ? bottom : undefined }, next() % 3000, { value: (next() % 1000) / 1000, style }, { value: (k + 1) / 5, style }];
    }),
  ],
  images: t < 3 ? [{ png: pngs[t], width: 1200, height: 800, row: 8, col: 0, name: `图${t + 1}` }] : undefined,
}));
const workbook = { title: '满意度调查报告', creator: 'survey', sheets: [{ name: '数据', rows: data, freeze: { rows: 1, cols: 1 } }, ...tables] };
const buildMs = Number(process.hrtime.bigint() - startBuild) / 1e6;

// The first run is what `survey run` pays (cold code); the best of a few runs, in wall and CPU
// time, is the steady cost, less inflated by a busy machine.
const runs = [];
let bytes;
for (let run = 0; run < Number(process.env.BENCH_RUNS ?? 5); run++) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  bytes = writeXlsx(workbook);
  const used = process.cpuUsage(cpu);
  runs.push({ wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1000 });
}
console.log(JSON.stringify({
  bench: 'write-xlsx',
  cells: (ROWS + 1) * COLS,
  sheets: workbook.sheets.length,
  images: pngs.length,
  build_ms: Math.round(buildMs),
  first_write_ms: Math.round(runs[0].wall),
  best_write_ms: Math.round(Math.min(...runs.map((r) => r.wall))),
  best_write_cpu_ms: Math.round(Math.min(...runs.map((r) => r.cpu))),
  size_kb: Math.round(bytes.length / 1024),
  peak_rss_mb: Math.round(process.memoryUsage().rss / 1e6),
}));
