// Benchmark: `survey ingest` of a 1,000,000-row, 40-column 问卷星-style CSV (GB18030, as Excel saves
// it in a Chinese locale) with a codebook, streaming to a coded CSV, as a user runs it (a fresh
// process, start-up included), against the floor: the same bytes read, and decoded and split into
// rows by our CSV reader. Prints seconds, CPU, peak RSS and the ratio as JSON.
import { mkdtempSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { againstFloor } from './timed-command.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ITEMS = 36;
const dir = mkdtempSync(join(tmpdir(), 'survey-bench-'));
const csv = join(dir, 'big.csv');
const LABELS = ['很不满意', '不太满意', '一般', '比较满意', '非常满意'];

const vars = [
  '  - {name: area, label: 居住地, type: single, choices: {1: 城市, 2: 农村}}',
  '  - {name: income, label: 人均可支配收入, type: numeric}',
  '  - {name: age, label: 年龄, type: numeric}',
  ...Array.from({ length: ITEMS }, (_, k) => `  - {name: sat_${k + 1}, label: 满意度${k + 1}, type: single, ordered: true, choices: {1: 很不满意, 2: 不太满意, 3: 一般, 4: 比较满意, 5: 非常满意}}`),
];
writeFileSync(join(dir, 'q.yaml'), `id: bench\nvariables:\n${vars.join('\n')}\n`);

const fd = openSync(csv, 'w');
const header = ['序号', '1、居住地', '2、人均可支配收入', '3、年龄', ...Array.from({ length: ITEMS }, (_, k) => `${k + 4}、满意度${k + 1}`)];
let chunk = `${header.join(',')}\r\n`;
let seed = 12345;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
for (let i = 1; i <= ROWS; i++) {
  const cells = [i, next() % 2 ? '城市' : '农村', 10000 + (next() % 60000), 18 + (next() % 70)];
  for (let k = 0; k < ITEMS; k++) cells.push(LABELS[next() % 5]);
  chunk += `${cells.join(',')}\r\n`;
  if (chunk.length > 1 << 20) {
    writeSync(fd, iconv.encode(chunk, 'gb18030'));
    chunk = '';
  }
}
writeSync(fd, iconv.encode(chunk, 'gb18030'));
closeSync(fd);
const bytes = statSync(csv).size;

const { summary, figures } = againstFloor(csv, ['ingest', csv, '--codebook', join(dir, 'q.yaml'), '--out', join(dir, 'coded.csv'), '--json']);
console.log(JSON.stringify({
  bench: 'ingest-csv-gb18030',
  command: 'survey ingest big.csv --codebook q.yaml --out coded.csv --json',
  rows: summary.rows,
  columns: summary.columns,
  input_mb: +(bytes / 1e6).toFixed(1),
  rows_per_second: Math.round(summary.rows / figures.seconds),
  ...figures,
}));
rmSync(dir, { recursive: true, force: true });
