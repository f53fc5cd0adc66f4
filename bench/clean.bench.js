// Benchmark: `survey clean` of 1,000,000 coded rows (the bundled 10,000 responses recombined 100
// times: copy c takes column k from row i + k·c, so rows stay distinct), streamed through both passes.
// Prints seconds, rows/s and peak RSS as JSON.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCodebook } from '../dist/codebook/load-codebook.js';
import { cleanCsvSinks } from '../dist/clean/clean-csv-sinks.js';
import { cleanFile } from '../dist/clean/clean-file.js';
import { openAtomicWriter } from '../dist/io/write-atomic.js';
import { measure } from './measure.js';

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

const codebook = await loadCodebook(join(sample, 'codebook.yaml'));
const clean = openAtomicWriter(join(dir, 'clean.csv'));
const excluded = openAtomicWriter(join(dir, 'excluded.csv'));
const { result: summary, seconds, peak_rss_mb } = await measure(async () => {
  const result = await cleanFile(input, { codebook }, cleanCsvSinks({ clean, excluded }));
  await clean.commit();
  await excluded.commit();
  return result;
});
console.log(JSON.stringify({
  bench: 'clean-coded-csv',
  rows: summary.inputRows,
  kept: summary.keptRows,
  excluded: summary.excludedRows,
  seconds,
  rows_per_second: Math.round(summary.inputRows / seconds),
  peak_rss_mb,
}));
rmSync(dir, { recursive: true, force: true });
