// Benchmark: `survey clean` of 1,000,000 coded rows (the bundled 10,000 responses recombined 100
// times: copy c takes column k from row i + k·c, so rows stay distinct) as a user runs it (a fresh
// process, start-up included, clean/excluded/issues written), against the floor: the same bytes
// read, and split into rows by our CSV reader. Prints seconds, CPU, peak RSS and the ratio as JSON.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { againstFloor } from './timed-command.js';

const COPIES = Number(process.env.BENCH_COPIES ?? 100);
const sample = fileURLToPath(new URL('../data-samples/bazhou-2025/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'survey-clean-bench-'));
const input = join(dir, 'big.csv');
const [head, ...lines] = readFileSync(join(sample, 'responses.csv'), 'utf8').trimEnd().split('\n');
const names = head.split(',');
const idAt = names.indexOf('id');
const table = lines.map((line) => line.split(','));
const fd = openSync(input, 'w');
writeSync(fd, `${head}\n`);
for (let c = 0; c < COPIES; c++) {
  let chunk = '';
  lines.forEach((_, i) => {
    const cells = names.map((__, k) => table[(i + k * c) % table.length][k]);
    cells[idAt] = String(c * lines.length + i + 1);
    chunk += `${cells.join(',')}\n`;
  });
  writeSync(fd, chunk);
}
closeSync(fd);

const { summary, figures } = againstFloor(input, ['clean', input, '--codebook', join(sample, 'codebook.yaml'), '--out', join(dir, 'clean.csv'), '--excluded', join(dir, 'excluded.csv'), '--issues', join(dir, 'issues.csv'), '--json']);
console.log(JSON.stringify({
  bench: 'clean-coded-csv',
  command: 'survey clean big.csv --codebook codebook.yaml --out --excluded --issues --json',
  rows: summary.input_rows,
  kept: summary.kept_rows,
  excluded: summary.excluded_rows,
  input_mb: +(statSync(input).size / 1e6).toFixed(1),
  rows_per_second: Math.round(summary.input_rows / figures.seconds),
  ...figures,
}));
rmSync(dir, { recursive: true, force: true });
