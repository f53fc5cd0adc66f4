#!/usr/bin/env node
// The fuzz campaign of issue #16 (`npm run fuzz`, after a build): every fuzz property of the test
// suite with thousands of inputs instead of a handful — readers (CSV in four encodings, .xlsx,
// damaged bytes), the expression evaluator, the formula parser, the YAML documents, cleaning, and
// the command layer through the built CLI. Seeded (SURVEY_FUZZ_SEED, default 20250316), so a
// campaign draws the same inputs every time; a failure prints the seed and path that replay it.
// Prints the figures (inputs, outcomes, exit codes, slowest input) and fails unless there were
// 0 crashes, 0 exit 4, 0 hangs and every row was accounted for (the properties assert that).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = join(tmpdir(), `survey-fuzz-${process.pid}.jsonl`);
const last = join(tmpdir(), `survey-fuzz-${process.pid}.last`);
rmSync(log, { force: true });
const seed = process.env.SURVEY_FUZZ_SEED ?? '20250316';
const started = Date.now();
const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/vitest.fuzz.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SURVEY_FUZZ: 'campaign', SURVEY_FUZZ_SEED: seed, SURVEY_FUZZ_LOG: log, SURVEY_FUZZ_LAST: last },
});
const minutes = (Date.now() - started) / 60_000;

let lines = [];
try {
  lines = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
} catch {
  // No log: the run failed before any input.
}
const byTarget = new Map();
for (const { target, outcome, ms } of lines) {
  const t = byTarget.get(target) ?? { inputs: 0, outcomes: {}, slowest: 0 };
  t.inputs++;
  t.outcomes[outcome] = (t.outcomes[outcome] ?? 0) + 1;
  t.slowest = Math.max(t.slowest, ms);
  byTarget.set(target, t);
}
const rows = [...byTarget].sort(([a], [b]) => a.localeCompare(b));
const total = lines.length;
const crashes = lines.filter((l) => l.outcome === 'crash' || l.outcome === 'exit 4' || l.outcome === 'exit -1').length;
const cli = lines.filter((l) => l.target.startsWith('cli-'));
const summary = {
  seed: Number(seed),
  minutes: Number(minutes.toFixed(1)),
  inputs: total,
  cli_runs: cli.length,
  crashes_or_exit_4_or_hangs: crashes,
  slowest_ms: Math.max(0, ...lines.map((l) => l.ms)),
  targets: Object.fromEntries(rows),
};
console.log('\n| target | inputs | outcomes | slowest |\n| --- | --- | --- | --- |');
for (const [target, t] of rows) {
  const outcomes = Object.entries(t.outcomes).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`).join(', ');
  console.log(`| ${target} | ${t.inputs} | ${outcomes} | ${(t.slowest / 1000).toFixed(2)} s |`);
}
console.log(`\n${total} inputs (${cli.length} runs of the built CLI) in ${minutes.toFixed(1)} min, seed ${seed}: ${crashes} crashes, exit 4 or hangs; slowest input ${(summary.slowest_ms / 1000).toFixed(2)} s`);
mkdirSync(join(root, 'bench/out'), { recursive: true });
writeFileSync(join(root, 'bench/out/fuzz-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
rmSync(log, { force: true });
if (vitest.status !== 0) console.error(`a property failed; if a test worker died, the input it was reading is named in ${last}`);
else rmSync(last, { force: true });
process.exitCode = vitest.status === 0 && crashes === 0 && total >= 10_000 ? 0 : 1;
