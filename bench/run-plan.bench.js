// Benchmark: `survey run` on the bundled plan (clean 10,400 raw rows from .xlsx, 9 analyses, report).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFolderAtomic } from '../dist/io/write-folder-atomic.js';
import { loadPlan } from '../dist/run/load-plan.js';
import { runPlan } from '../dist/run/run-plan.js';
import { measure } from './measure.js';

const plan = fileURLToPath(new URL('../data-samples/bazhou-2025/plan.yaml', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'survey-run-bench-'));
const { result, seconds, peak_rss_mb } = await measure(async () => {
  const loaded = await loadPlan(plan);
  const out = await openFolderAtomic(join(dir, loaded.plan.name));
  const summary = await runPlan(loaded, out, { version });
  await out.commit();
  return summary;
});
console.log(JSON.stringify({ bench: 'run-bundled-plan', rows: result.rows, analyses: result.analyses, seconds, timings_ms: result.timings, peak_rss_mb }));
rmSync(dir, { recursive: true, force: true });
