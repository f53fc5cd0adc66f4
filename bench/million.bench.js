// Benchmark (issue #22): a 1,000,000-row, 11-column CSV (bench/million-data.js, fixed seed) read,
// weighted share of happy ∈ {4, 5} overall and by area (logit CI), and OLS of y on 8 predictors
// with HC3 errors — by survey (bench/million-survey.js) and by R (bench/million.R: fread, survey,
// lm, sandwich) in one run, each under /usr/bin/time -v for wall time and peak RSS. Prints a table
// and the largest absolute difference between the two sets of figures, and `survey freq --var area`
// on the same file as a user runs it (a fresh process, start-up included), and the floor
// (bench/million-floor.js: the bytes read, and the rows split by our CSV reader).
// BENCH_ROWS=1000000,5000000 sets the sizes; BENCH_R=0 skips R. Run `npm run build` first.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMillionCsv } from './million-data.js';
import { timedCommand } from './timed-command.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const sizes = (process.env.BENCH_ROWS ?? '1000000').split(',').map(Number);
const withR = process.env.BENCH_R !== '0';
const work = mkdtempSync(join(tmpdir(), 'survey-million-'));

/** Largest absolute difference between matching figures of the two results. */
function maxDifference(ours, theirs) {
  let max = 0;
  for (const g of ours.shares) {
    const r = theirs.shares.find((s) => s.level === g.level);
    for (const k of ['share', 'se', 'low', 'high']) max = Math.max(max, Math.abs(g[k] - r[k]));
  }
  for (const c of ours.coefficients) {
    const r = theirs.coefficients.find((s) => s.term === c.term);
    for (const k of ['estimate', 'se']) max = Math.max(max, Math.abs(c[k] - r[k]));
  }
  return max;
}

const rows = [];
try {
  for (const n of sizes) {
    const csv = join(work, `million-${n}.csv`);
    writeMillionCsv(csv, n);
    const ours = timedCommand(process.execPath, [`${dir}million-survey.js`, csv]);
    const floor = JSON.parse(timedCommand(process.execPath, [`${dir}million-floor.js`, csv]).out);
    const freq = timedCommand(process.execPath, [fileURLToPath(new URL('../bin/survey.js', import.meta.url)), 'freq', csv, '--var', 'area', '--json']);
    const r = withR ? timedCommand('Rscript', [`${dir}million.R`, csv]) : null;
    const theirs = r ? JSON.parse(r.out) : null;
    rows.push({
      rows: n,
      megabytes: +(statSync(csv).size / 2 ** 20).toFixed(1),
      survey_seconds: ours.seconds,
      survey_cpu_seconds: ours.cpu_seconds,
      survey_peak_rss_mib: ours.peak_rss_mib,
      r_reader: theirs ? String(theirs.reader) : null,
      r_seconds: r ? r.seconds : null,
      r_cpu_seconds: r ? r.cpu_seconds : null,
      r_peak_rss_mib: r?.peak_rss_mib ?? null,
      wall_ratio: r ? +(ours.seconds / r.seconds).toFixed(2) : null,
      // CPU time (user + system) varies less than wall time on a busy machine.
      cpu_ratio: r ? +(ours.cpu_seconds / r.cpu_seconds).toFixed(2) : null,
      max_abs_difference: theirs ? maxDifference(JSON.parse(ours.out), theirs) : null,
      floor_bytes_seconds: floor.bytes_seconds,
      floor_split_seconds: floor.split_seconds,
      freq_area_seconds: freq.seconds,
      freq_area_peak_rss_mib: freq.peak_rss_mib,
    });
    rmSync(csv);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.error('| rows | survey wall s (CPU) | survey peak RSS MiB | R wall s (CPU) | R peak RSS MiB | survey / R wall (CPU) | max abs diff | freq --var area s (MiB) | floor: bytes / rows split s |');
console.error('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.error(`| ${r.rows.toLocaleString('en')} | ${r.survey_seconds} (${r.survey_cpu_seconds}) | ${r.survey_peak_rss_mib} | ${r.r_seconds ?? '—'} (${r.r_cpu_seconds ?? '—'}) | ${r.r_peak_rss_mib ?? '—'} | ${r.wall_ratio ?? '—'} (${r.cpu_ratio ?? '—'}) | ${r.max_abs_difference?.toExponential(1) ?? '—'} | ${r.freq_area_seconds} (${r.freq_area_peak_rss_mib}) | ${r.floor_bytes_seconds} / ${r.floor_split_seconds} |`);
}
for (const r of rows) console.log(JSON.stringify({ bench: 'million', ...r }));
