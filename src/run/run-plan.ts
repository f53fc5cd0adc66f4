import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative, dirname } from 'node:path';
import { applyDerivations } from '../clean/apply-derivations.js';
import { cleanCsvSinks } from '../clean/clean-csv-sinks.js';
import { cleanFile, type CleanSummary } from '../clean/clean-file.js';
import { defaultRules, loadRules } from '../clean/clean-rules.js';
import { profileSample } from '../analyze/estimators/profile-sample.js';
import { resolveVariables } from '../analyze/estimators/resolve-variables.js';
import { makeDesign, type Design } from '../core/design.js';
import { formatLocation, ProblemsError, SurveyError } from '../core/errors.js';
import type { DataTable } from '../core/data-table.js';
import { SOURCE_ROW } from '../ingest/ingest-file.js';
import { readDataTable } from '../ingest/read-data-table.js';
import type { ExcludedRows } from '../report/workbook/workbook-input.js';
import { writeReportFiles } from './write-report-files.js';
import { cleaningAuditor, type CleaningAudit } from '../report/cleaning-audit.js';
import { tableCollector } from '../ingest/table-collector.js';
import { openAtomicWriter } from '../io/write-atomic.js';
import type { FolderWriter } from '../io/write-folder-atomic.js';
import type { ReportBlock } from '../report/report-document.js';
import { REPORT_TEXT } from '../report/report-text.js';
import { cleaningSection } from '../report/cleaning-section.js';
import { profileSection } from '../report/profile-section.js';
import { weightingSection } from '../report/weighting-section.js';
import { regressionFormulaLine } from '../report/regression-section.js';
import { prefetchChartFont } from '../report/charts/render-chart-png.js';
import { weightingJson } from '../weight/weighting-json.js';
import type { WeightingTargets } from '../weight/weighting-targets.js';
import type { Plan, SectionName } from './plan-schema.js';
import type { LoadedPlan } from './load-plan.js';
import { runAnalysis, type AnalysisOutcome } from './run-analysis.js';
import { weightPlan } from './weight-plan.js';
import { compareWaves, type PreviousWave } from '../compare/compare-waves.js';
import { comparisonJson } from '../compare/comparison-json.js';
import { planWave, waveLabel } from '../compare/plan-wave.js';
import { compareSection } from '../report/compare-section.js';
import { chapterTitle } from '../report/chapter-number.js';
import { coverPage } from '../report/cover-page.js';
import { markdownBlocks } from '../report/markdown-blocks.js';
import { keyFindings, summarySection } from '../report/summary-section.js';
import { ownTextIn } from '../locale/bilingual.js';
import { marks } from '../locale/report-marks.js';
import { runWords } from '../locale/run-words.js';

/** Names an analysis of the plan in messages: `analyses[7] (regress "y ~ x")`. */
function analysisPath(a: Plan['analyses'][number], i: number): string {
  return `analyses[${i}] (${a.command}${a.command === 'regress' ? ` "${a.formula}"` : ''})`;
}

/**
 * Runs one step of the plan; a usage or input error it raises names the plan and the step (its
 * own location, if any, stays in the message), so a user knows which analysis to fix.
 */
function inPlan<T>(planFile: string, step: string, job: () => T): T {
  try {
    return job();
  } catch (err) {
    if (!(err instanceof SurveyError) || err instanceof ProblemsError || err.location.path !== undefined) throw err;
    throw new SurveyError(err.kind, `${formatLocation(err.location)}${err.message}`, { file: planFile, path: step, hint: err.hint, cause: err });
  }
}

/** What a run reports back: where things went, the cleaning counts, timings. */
export interface RunSummary {
  cleaning: CleanSummary | null;
  rows: number;
  analyses: number;
  timings: Record<string, number>;
  /** Every file written into the report folder. */
  files: string[];
  warnings: string[];
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** Cleans the plan's data into the report folder (clean, excluded, issues CSVs) and collects the kept rows. */
async function cleanInto(loaded: LoadedPlan, out: FolderWriter, onProgress?: (done: number, total: number) => void): Promise<{ table: DataTable; summary: CleanSummary; excluded: ExcludedRows; audit: CleaningAudit }> {
  const rules = loaded.rulesFile ? await loadRules(loaded.rulesFile) : defaultRules();
  const collector = tableCollector();
  const clean = openAtomicWriter(out.path('clean.csv'));
  const excluded = openAtomicWriter(out.path('excluded.csv'));
  const issues = openAtomicWriter(out.path('issues.csv'));
  const sinks = cleanCsvSinks({ clean, excluded, issues }, { lang: loaded.plan.lang, codebook: loaded.codebook });
  // The workbook's 清洗 sheet lists the excluded rows as excluded.csv has them.
  const listed: { header: string[]; rows: string[][] } = { header: [], rows: [] };
  // As cleanCsvSinks: a coded input already carries _source_row among its cells.
  let addSourceRow = true;
  const auditor = cleaningAuditor();
  await sinks.begin();
  const summary = await cleanFile(loaded.data, { codebook: loaded.codebook, rules, onProgress }, {
    ...sinks,
    start(outputs, header) {
      collector.start(outputs);
      addSourceRow = !header.includes(SOURCE_ROW);
      listed.header = [...header, ...(addSourceRow ? [SOURCE_ROW] : []), '_reasons'];
      return sinks.start?.(outputs, header);
    },
    excluded(row, reasons) {
      listed.rows.push([...row.cells, ...(addSourceRow ? [String(row.sourceRow)] : []), reasons.join(';')]);
      auditor.excluded(row.sourceRow, reasons);
      return sinks.excluded?.(row, reasons);
    },
    issues(issues) {
      auditor.issues(issues);
      return sinks.issues?.(issues);
    },
    kept(row, flags) {
      collector.add(row);
      return sinks.kept?.(row, flags);
    },
  });
  await Promise.all([clean.commit(), excluded.commit(), issues.commit()]);
  return { table: collector.finish(loaded.codebook, loaded.data), summary, excluded: listed, audit: auditor.finish() };
}

/**
 * Runs a loaded plan into `out`: clean → derive → analyses → results.json, report.md and
 * manifest.json. The same inputs give the same report.md and results.json, byte for byte.
 */
export async function runPlan(
  loaded: LoadedPlan,
  out: FolderWriter,
  /** `onProgress` reports the current stage's progress: bytes read while cleaning, analyses done. */
  options: { version: string; onStage?: (stage: string) => void; onProgress?: (done: number, total: number) => void; previous?: readonly PreviousWave[]; folder?: string },
): Promise<RunSummary> {
  const { plan } = loaded;
  const lang = plan.lang;
  const t = REPORT_TEXT[lang];
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, job: () => Promise<T> | T): Promise<T> => {
    options.onStage?.(stage);
    const start = performance.now();
    const result = await job();
    timings[stage] = Math.round(performance.now() - start);
    return result;
  };
  // The Word and Excel reports draw PNG charts: their font is read while the data are cleaned.
  if (plan.outputs.includes('docx') || plan.outputs.includes('xlsx')) prefetchChartFont();
  const cleaned = plan.clean ? await time('clean', () => cleanInto(loaded, out, options.onProgress)) : null;
  const collected = cleaned ? cleaned.table : (await time('read', () => readDataTable(loaded.data, { codebook: loaded.codebook }))).table;
  const table = await time('derive', () => applyDerivations(collected, loaded.data));
  const plain = makeDesign(table);
  const weighting = plan.weight && loaded.targets ? await time('weight', () => inPlan(loaded.file, 'weight', () => weightPlan(plain, loaded.targets as WeightingTargets, plan.weight!))) : null;
  const designs = { plain, weighted: weighting?.calibrated.design ?? null };
  const profile = plan.profile ? await time('profile', () => inPlan(loaded.file, 'profile', () => profileSample(plain, { vars: resolveVariables(table, plan.profile!.vars), by: plan.profile!.by, lang }))) : null;
  const outcomes: AnalysisOutcome[] = await time('analyses', () =>
    plan.analyses.map((a, i) => {
      const outcome = inPlan(loaded.file, analysisPath(a, i), () => runAnalysis(designs, a, `${String(i + 1).padStart(2, '0')}-${a.command}`, lang));
      options.onProgress?.(i + 1, plan.analyses.length);
      return outcome;
    }),
  );

  const base = dirname(loaded.file);
  const rel = (p: string) => relative(base, p).split('\\').join('/');
  const analysesJson = plan.analyses.map((a, i) => ({ ...a, results: outcomes[i].results, ...(outcomes[i].weightedResults ? { weighted_results: outcomes[i].weightedResults } : {}) }));
  // Earlier waves (`compare:`): this wave set beside them, a section after the factors.
  const previous = options.previous ?? [];
  const comparison = previous.length
    ? compareWaves([
        // Sources relative to this report folder, so that results.json does not depend on where it is written.
        ...previous.map((p) => ({ ...p.wave, source: relative(options.folder ?? '.', p.results).split('\\').join('/') })),
        await planWave(loaded, { analyses: analysesJson }, 'results.json', waveLabel(loaded)),
      ])
    : null;
  const w = runWords(lang);
  // Tables name models in words; the formulas a reader needs to refit them are in 数据与方法.
  const formulas = outcomes.flatMap((o) => (o.estimates.command === 'regress' ? o.estimates.results.map((r) => regressionFormulaLine(r, loaded.codebook, lang)) : []));
  const compareTitle = w.compareTitle(previous.length);
  // The team's own text (`sections:`), its `#` headings under the chapter's.
  const teamText = (name: SectionName) => {
    const section = loaded.sections[name];
    return section ? markdownBlocks(section.text, 2) : null;
  };
  const basics: ReportBlock[] = [
    ...(cleaned ? cleaningSection(cleaned.summary, plan.distributed ?? null, cleaned.audit, lang, loaded.codebook.checks) : [{ kind: 'paragraph' as const, text: w.alreadyClean(table.nrows) }]),
    ...(profile ? profileSection(profile, table, lang) : []),
    ...(weighting ? weightingSection(weighting, loaded.codebook, lang) : []),
  ];
  const background = teamText('背景');
  const recommendations = teamText('对策建议');
  // The chapters in the order a 结项 report has them: background, the survey, findings, factors, the comparison, recommendations, methods.
  const chapters: { title: string; blocks: readonly ReportBlock[] }[] = [
    ...(background ? [{ title: w.background, blocks: background }] : []),
    { title: t.basics, blocks: basics },
    { title: t.findings, blocks: outcomes.filter((o) => o.part === 'findings').flatMap((o) => o.blocks) },
    { title: t.factors, blocks: outcomes.filter((o) => o.part === 'factors').flatMap((o) => o.blocks) },
    ...(comparison ? [{ title: compareTitle, blocks: compareSection(comparison, loaded.codebook, lang, { id: 'compare' }) }] : []),
    ...(recommendations ? [{ title: w.recommendations, blocks: recommendations }] : []),
    {
      title: t.methods,
      blocks: [
        {
          kind: 'paragraph',
          text: w.methods({
            data: rel(loaded.data), codebook: rel(loaded.codebookFile), codebookId: loaded.codebook.id, rules: loaded.rulesFile ? rel(loaded.rulesFile) : null,
            weighting: weighting ? { targets: rel(loaded.targets!.file), rake: weighting.calibrated.method === 'rake' } : null, formulas, version: options.version,
          }),
        },
      ],
    },
  ];
  // The 摘要 opens the report: the sample, each analysis's headline, the team's additions.
  const sample = basics[0]?.kind === 'paragraph' ? basics[0].text : null;
  const blocks: ReportBlock[] = [
    ...summarySection(w.summary, sample, keyFindings(outcomes.map((o) => o.blocks), lang), teamText('摘要') ?? [], lang),
    // A chapter the plan has nothing for (影响因素分析 without a model) is left out, not printed empty.
    ...chapters.filter((c) => c.blocks.length).flatMap((c, k) => [{ kind: 'heading' as const, level: 1 as const, text: chapterTitle(k + 1, c.title, lang) }, ...c.blocks]),
  ];
  const byline = [ownTextIn(lang, plan.authors, plan.authors_en).join(marks(lang).enumeration), ownTextIn(lang, plan.unit, plan.unit_en) ?? '', plan.date ?? ''].filter(Boolean);
  const title = ownTextIn(lang, plan.title, plan.title_en);
  const findings = outcomes.flatMap((o) => o.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])));
  const cover = plan.cover ? coverPage(plan.cover, { title, unit: plan.unit, date: plan.date }, lang) : undefined;
  const report = await writeReportFiles(out, { title, byline, blocks, cover, contents: w.contents }, {
    lang,
    outputs: plan.outputs,
    time,
    workbook: {
      lang, title, byline, findings, profile, weighting, table,
      cleaning: cleaned ? { summary: cleaned.summary, distributed: plan.distributed ?? null, excluded: cleaned.excluded, audit: cleaned.audit } : null,
      analyses: outcomes.map((o) => ({ estimates: o.estimates, chartIds: o.blocks.flatMap((b) => (b.kind === 'chart' ? [b.id] : [])) })),
      comparison: comparison ? { comparison, codebook: loaded.codebook } : null,
    },
  });
  const cleaning = cleaned
    ? { input_rows: cleaned.summary.inputRows, kept_rows: cleaned.summary.keptRows, excluded_rows: cleaned.summary.excludedRows, flagged_rows: cleaned.summary.flaggedRows, reasons: cleaned.summary.reasons, distributed: plan.distributed ?? null }
    : null;
  const results = {
    plan: plan.name,
    cleaning,
    rows_analysed: table.nrows,
    weighting: weighting ? weightingJson(weighting, { targets: rel(loaded.targets!.file), weightColumn: '(run)', baseWeight: null }) : null,
    profile,
    analyses: analysesJson,
    ...(comparison ? { comparison: comparisonJson(comparison, loaded.codebook, lang) } : {}),
  };
  await out.write('results.json', `${JSON.stringify(results, null, 2)}\n`);
  const inputs = [loaded.file, loaded.data, loaded.codebookFile, ...(loaded.rulesFile ? [loaded.rulesFile] : []), ...(loaded.targets ? [loaded.targets.file] : [])];
  const manifest = {
    tool: 'survey',
    version: options.version,
    plan_file: loaded.file,
    plan,
    inputs: await Promise.all(inputs.map(async (p) => ({ path: rel(p), sha256: await sha256(p) }))),
    // The team's texts: recorded, but not inputs of results.json (a changed 对策建议 does not make a wave's results stale).
    ...(Object.keys(loaded.sections).length ? { sections: await Promise.all(Object.entries(loaded.sections).map(async ([name, t]) => ({ name, path: rel(t.file), sha256: await sha256(t.file) }))) } : {}),
    ...(previous.length ? { previous_waves: previous.map((p) => ({ label: p.wave.label, results: relative(options.folder ?? '.', p.results).split('\\').join('/'), sha256: p.sha256, reused: p.reused })) } : {}),
    outputs: [...report.files, 'results.json', ...(cleaned ? ['clean.csv', 'excluded.csv', 'issues.csv'] : []), 'manifest.json'],
    warnings: report.warnings,
    finished_at: new Date().toISOString(),
    timings_ms: timings,
  };
  await out.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { cleaning: cleaned?.summary ?? null, rows: table.nrows, analyses: outcomes.length, timings, files: manifest.outputs, warnings: report.warnings };
}
