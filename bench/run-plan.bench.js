// Benchmark: `survey run` on the bundled plan as a user runs it — a fresh process each time (start-up
// and module loading included): clean 10,400 raw rows from .xlsx, weight, 9 analyses, Markdown,
// charts, Word and Excel. Prints the wall time of each run and the stage timings of the fastest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/survey.js', import.meta.url));
const plan = fileURLToPath(new URL('../data-samples/bazhou-2025/plan.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'survey-run-bench-'));
const runs = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [bin, 'run', plan, '--out', dir, '--force', '--json'], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`survey run failed: ${r.stderr}`);
  runs.push({ seconds, timings_ms: JSON.parse(r.stdout).timings_ms });
}
runs.sort((a, b) => a.seconds - b.seconds);
const round = (x) => Math.round(x * 100) / 100;
console.log(JSON.stringify({ bench: 'run-bundled-plan', runs: runs.length, seconds_min: round(runs[0].seconds), seconds_median: round(runs[2].seconds), seconds_max: round(runs[4].seconds), fastest_timings_ms: runs[0].timings_ms }));
rmSync(dir, { recursive: true, force: true });
