// Benchmark: the Word report. Renders a document the size of the bundled study's report (35 blocks:
// headings, paragraphs, 12 tables of up to 12 rows × 10 columns, 5 chart PNGs of 40–120 kB) with
// renderDocx. "Cold" is the first render in a fresh process, importing the renderer (and docx)
// included, as `survey run` pays it; "warm" is the median of later renders in that process. Each
// cold figure is the median over 5 processes. Prints milliseconds, the file's size and peak RSS as
// JSON. Run `npm run build` first: it imports dist/. To compare with another build of the renderer:
// `node bench/docx.bench.js path/to/render-docx.js`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const PROCESSES = 5;
const WARM_RUNS = 5;
const self = fileURLToPath(import.meta.url);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const round = (value) => +value.toFixed(1);

/** A chart-sized PNG (1600 px wide, as charts are drawn at 2×) made `dots` dots busy, which sets its size: 120 dots ≈ 40 kB, 450 ≈ 115 kB. */
function png(dots, height, seed) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const shapes = Array.from({ length: dots }, () => {
    const color = Math.floor(random() * 0xffffff).toString(16).padStart(6, '0');
    return `<circle cx="${(random() * 1600).toFixed(1)}" cy="${(random() * height).toFixed(1)}" r="${(2 + random() * 8).toFixed(1)}" fill="#${color}"/>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="${height}"><rect width="1600" height="${height}" fill="#fff"/>${shapes.join('')}</svg>`;
  const image = new Resvg(svg).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** A table block of `rows` × `columns`: a label column and numbers (shares, intervals, p-values). */
function table(k, rows, columns) {
  const head = ['题项', '有效样本', '全部', '95%置信区间', '城市', '农村', '差异（百分点）', 'p', '加权占比', '加权95%置信区间'].slice(0, columns);
  const cells = (r) => ['公共服务供给（教育、养老、文体）', String(10030 - r), '24.6%', '23.7%–25.4%', '27.0%', '20.9%', '6.1', '< 0.001', '24.9%', '24.1%–25.8%'].slice(0, columns);
  const body = Array.from({ length: rows }, (_, r) => cells(r));
  return { kind: 'table', title: `表格${k}`, columns: head, align: head.map((_, i) => (i === 0 ? 'left' : 'right')), rows: body, notes: ['注：括号内为95%置信区间；加权按城乡人口结构。'] };
}

function report() {
  const sizes = [[12, 10], [3, 3], [6, 5], [12, 10], [4, 4], [9, 7], [12, 6], [2, 3], [7, 10], [12, 4], [5, 5], [10, 8]];
  const blocks = [];
  const paragraph = '本次调查在巴州区城乡共发放问卷10400份，回收有效问卷10090份，有效率97.0%。样本按城乡人口结构加权，下文占比与均值均报告加权与不加权两种估计。';
  sizes.forEach(([rows, columns], k) => {
    if (k % 2 === 0) blocks.push({ kind: 'heading', level: k % 4 === 0 ? 1 : 2, text: `${k + 1}、主要发现 ${k + 1}` });
    if (k % 4 !== 3) blocks.push({ kind: 'paragraph', text: paragraph });
    blocks.push(table(k + 1, rows, columns));
    if (k % 5 === 2) blocks.push({ kind: 'heading', level: 3, text: `（${k}）分项` });
    if (k < 5) blocks.push({ kind: 'chart', id: `chart-${k}`, chart: { type: 'bars', title: `图表${k + 1}`, categories: [], series: [], axisLabel: '', percent: true } });
  });
  blocks.push({ kind: 'paragraph', text: paragraph });
  return { title: '巴州区城乡居民幸福生活调查（2025）结项报告', byline: ['课题组', '巴州区社会科学界联合会', '2025-06-30'], blocks };
}

async function child(module) {
  const images = new Map([120, 450, 200, 300, 150].map((dots, k) => [`chart-${k}`, png(dots, 600 + 100 * k, k + 1)]));
  const doc = report();
  const options = { lang: 'zh', images };
  let start = performance.now();
  const { renderDocx } = await import(module);
  const importMs = performance.now() - start;
  const bytes = await renderDocx(doc, options);
  const coldMs = performance.now() - start;
  const warm = [];
  for (let k = 0; k < WARM_RUNS; k++) {
    start = performance.now();
    await renderDocx(doc, options);
    warm.push(performance.now() - start);
  }
  const imageKb = [...images.values()].map((image) => Math.round(image.png.length / 1024));
  console.log(JSON.stringify({ blocks: doc.blocks.length, imageKb, importMs, coldMs, warmMs: median(warm), bytes: bytes.length, peakRss: process.resourceUsage().maxRSS * 1024 }));
}

async function main() {
  const module = process.argv[2] ? pathToFileURL(process.argv[2]).href : new URL('../dist/report/render-docx.js', import.meta.url).href;
  const runs = [];
  for (let k = 0; k < PROCESSES; k++) {
    const result = spawnSync(process.execPath, [self, '--child', module], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`bench child failed: ${result.stderr}`);
    runs.push(JSON.parse(result.stdout));
  }
  const pick = (key) => median(runs.map((run) => run[key]));
  console.log(JSON.stringify({
    bench: 'docx',
    blocks: runs[0].blocks,
    image_kb: runs[0].imageKb,
    import_ms: round(pick('importMs')),
    cold_ms: round(pick('coldMs')),
    cold_runs_ms: runs.map((run) => round(run.coldMs)),
    warm_ms: round(pick('warmMs')),
    docx_kb: Math.round(pick('bytes') / 1024),
    peak_rss_mb: Math.round(Math.max(...runs.map((run) => run.peakRss)) / 2 ** 20),
  }));
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else await main();
