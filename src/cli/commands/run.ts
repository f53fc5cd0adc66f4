import type { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadedPlan, cliWords, exportSubmissions, isPostgresUrl, isSqlitePath, openStore, assertFolderApart, loadPlan, openFolderAtomic, previousWaves, runPlan, version, reportFolder } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions } from '../base.js';
import { startRunProgress } from '../run-progress.js';

interface RunCliOptions extends CommonOptions {
  out?: string;
  force?: boolean;
}


async function run(planFile: string, options: RunCliOptions, langGiven: boolean, { io }: CliContext): Promise<void> {
  // Everything about the plan is checked before any work starts.
  const loaded = await loadPlan(planFile);
  // --lang on the command line overrides the plan's lang; a report in another language goes to a folder of its own.
  const planLang = loaded.plan.lang;
  if (langGiven && options.lang) loaded.plan.lang = options.lang;
  // The team's cover values and section texts are written in the plan's language: a report in another leaves them out.
  if (loaded.plan.lang !== planLang) {
    loaded.plan.cover = undefined;
    loaded.sections = {};
  }
  const snapshot = await snapshotSubmissions(loaded, io);
  try {
    await runLoaded(loaded, planLang, options, io);
  } finally {
    if (snapshot) rmSync(snapshot, { recursive: true, force: true });
  }
}

/**
 * `data:` naming the collection database (SQLite file or postgres://): its submissions, exported as
 * the coded table `survey ingest` writes to a temporary folder, are the data the run reads. Returns
 * that folder (for the caller to remove), or null when `data:` is a file.
 */
async function snapshotSubmissions(loaded: LoadedPlan, io: CliContext['io']): Promise<string | null> {
  if (!isPostgresUrl(loaded.data) && !isSqlitePath(loaded.data)) return null;
  const store = await openStore(loaded.data, { formId: loaded.codebook.id, existing: true });
  const snapshot = mkdtempSync(join(tmpdir(), 'survey-run-'));
  try {
    const exported = await exportSubmissions(store, loaded.codebook, join(snapshot, 'responses.csv'));
    io.stderr.write(`survey run: ${exported.rows} submissions from ${store.driver.location}\n`);
  } catch (err) {
    rmSync(snapshot, { recursive: true, force: true });
    throw err;
  } finally {
    await store.close();
  }
  loaded.data = join(snapshot, 'responses.csv');
  return snapshot;
}

/** The run itself, once the plan is loaded and its data is a file. */
async function runLoaded(loaded: LoadedPlan, planLang: LoadedPlan['plan']['lang'], options: RunCliOptions, io: CliContext['io']): Promise<void> {
  const folder = reportFolder(options.out ?? 'reports', loaded.plan.name, planLang, loaded.plan.lang);
  assertFolderApart(folder, [
    { path: loaded.file, role: 'the plan' },
    { path: loaded.data, role: 'the plan\'s data' },
    { path: loaded.codebookFile, role: 'the plan\'s codebook' },
    { path: loaded.rulesFile, role: 'the plan\'s rules' },
    { path: loaded.targetsFile, role: 'the plan\'s weighting targets' },
  ]);
  const out = await openFolderAtomic(folder, { force: options.force });
  // Earlier waves (`compare:`): their results.json reused when their inputs are unchanged, else run beside this one.
  const previous = await previousWaves(loaded, { reports: options.out ?? 'reports', force: options.force, version, onWave: (m) => io.stderr.write(`survey run: earlier wave ${m}\n`) }).catch(async (err) => {
    await out.abort();
    throw err;
  });
  const progress = startRunProgress(io);
  try {
    const summary = await runPlan(loaded, out, {
      version,
      previous,
      folder,
      onStage: (stage) => progress.stage(stage),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    await out.commit();
    // The time the user waited, start-up included (the stages alone are in manifest.json).
    const seconds = process.uptime();
    const c = summary.cleaning;
    const cleaned = c ? cliWords(loaded.plan.lang).runCleaned({ returned: c.inputRows, valid: c.keptRows, excluded: c.excludedRows }) : '';
    for (const warning of summary.warnings) io.stderr.write(`survey run: warning: ${warning}\n`);
    const shown = [...new Set(summary.files.map((f) => (f.startsWith('charts/') ? 'charts/' : f)))];
    io.stderr.write(`${cleaned}${summary.analyses} analyses on ${summary.rows} rows in ${seconds.toFixed(1)} s\nwrote ${folder}/ (${shown.join(', ')})\n`);
    if (options.json) printJson(io, { folder, rows: summary.rows, analyses: summary.analyses, files: summary.files, warnings: summary.warnings, timings_ms: summary.timings });
  } catch (err) {
    progress.stop();
    await out.abort();
    throw err;
  }
}

/** `survey run`: the whole pipeline from one plan file to reports/<name>/. */
export function registerRun(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('run')
    .alias('report')
    .description('run a plan: clean → weight → analyses → report (report.md, report.docx, report.xlsx, charts, results.json, manifest.json) in reports/<name>/')
    .argument('<plan.yaml>', 'the plan: data, codebook, rules, analyses, title (paths relative to the plan)')
    .option('--out <dir>', 'where report folders go', 'reports')
    .option('--force', 'replace an existing report folder');
  withCommonOptions(cmd);
  withExamples(cmd, ['survey run data-samples/bazhou-2025/plan.yaml', 'survey run plan.yaml --out /tmp/reports --force', 'survey run plan.yaml --lang en   # the English report']);
  cmd.action((planFile: string, options: RunCliOptions) => run(planFile, options, cmd.getOptionValueSource('lang') === 'cli', ctx));
}
