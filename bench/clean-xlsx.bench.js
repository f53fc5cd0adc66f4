// Benchmark: the bundled 问卷星 export (wjx-export.xlsx, 10,400 rows × 33 columns) cleaned as
// `survey run` cleans it (clean/excluded/issues CSVs and the collected table), first thing in a
// fresh process so that JIT warm-up counts as in a run; then read alone (its code now warm).
// Prints seconds and peak RSS as JSON. Run `npm run build` first: it imports dist/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanCsvSinks } from '../dist/clean/clean-csv-sinks.js';
import { cleanFile } from '../dist/clean/clean-file.js';
import { loadCodebook } from '../dist/codebook/load-codebook.js';
import { openTable } from '../dist/ingest/read/open-table.js';
import { tableCollector } from '../dist/ingest/table-collector.js';
import { openAtomicWriter } from '../dist/io/write-atomic.js';
import { measure } from './measure.js';

const sample = fileURLToPath(new URL('../data-samples/bazhou-2025/', import.meta.url));
const input = join(sample, 'wjx-export.xlsx');
const codebook = await loadCodebook(join(sample, 'codebook.yaml'));
const dir = mkdtempSync(join(tmpdir(), 'survey-clean-xlsx-bench-'));

const clean = await measure(async () => {
  const collector = tableCollector();
  const writers = ['clean', 'excluded', 'issues'].map((name) => openAtomicWriter(join(dir, `${name}.csv`)));
  const [cleanCsv, excluded, issues] = writers;
  const sinks = cleanCsvSinks({ clean: cleanCsv, excluded, issues });
  await sinks.begin();
  const summary = await cleanFile(input, { codebook }, {
    ...sinks,
    start(outputs, header) {
      collector.start(outputs);
      return sinks.start(outputs, header);
    },
    kept(row, flags) {
      collector.add(row);
      return sinks.kept(row, flags);
    },
  });
  await Promise.all(writers.map((w) => w.commit()));
  collector.finish(codebook, input);
  return summary;
});
const read = await measure(async () => {
  let rows = 0;
  for await (const _row of (await openTable(input)).rows()) rows++;
  return rows;
});
console.log(JSON.stringify({
  bench: 'clean-bundled-xlsx',
  rows: read.result,
  kept: clean.result.keptRows,
  read_seconds: read.seconds,
  clean_seconds: clean.seconds,
  peak_rss_mb: Math.max(read.peak_rss_mb, clean.peak_rss_mb),
}));
rmSync(dir, { recursive: true, force: true });
