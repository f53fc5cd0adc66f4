import { enumeratorQuality, type QualityReport, planRules, qualityWords, qualityCells, UsageError, databaseFor, type Lang, openStore, readCollectionPlan } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions, type RegisterCommand } from '../base.js';

interface QualityOptions extends CommonOptions {
  db?: string;
  rules?: string;
  vars?: string;
  alpha?: string;
}

/** The report as text: the summary, a table of enumerators (flagged first), then each flag's reason. */
function qualityText(report: QualityReport, lang: Lang): string {
  const h = qualityWords(lang);
  const rows = [...report.enumerators].sort((a, b) => b.flags.length - a.flags.length || a.enumerator.localeCompare(b.enumerator));
  const table = [[h.enumerator, h.interviews, h.median, h.speeders, h.straight, h.nonresponse, h.duplicates, h.bursts, h.gps], ...rows.map(qualityCells)];
  const flags = rows.flatMap((q) => q.flags.map((f) => h.enumeratorFlag(q.enumerator, f.reason)));
  return [h.summary(report), ...table.map((cells) => cells.join('\t')), '', h.flagsHeading, ...(flags.length ? flags.map((f) => `  ${f}`) : [`  ${h.none}`])].join('\n') + '\n';
}

async function qualityAction(planFile: string, options: QualityOptions, { io, state }: CliContext): Promise<void> {
  const lang = options.lang;
  const alpha = options.alpha === undefined ? undefined : Number(options.alpha);
  if (alpha !== undefined && !(alpha > 0 && alpha < 1)) throw new UsageError(`--alpha ${options.alpha}: expected a probability between 0 and 1, such as 0.05`);
  const plan = await readCollectionPlan(planFile);
  const rules = await planRules(plan, options.rules);
  const store = await openStore(databaseFor(planFile, options.db), { formId: plan.codebook.id, existing: true });
  let report: QualityReport;
  try {
    const variables = options.vars?.split(',').map((v) => v.trim()).filter(Boolean);
    report = enumeratorQuality(plan.codebook, await store.listSubmissions({ status: 'active' }), { rules, variables, alpha, lang });
  } finally {
    await store.close();
  }
  if (options.json) printJson(io, report);
  else io.stdout.write(qualityText(report, lang));
  // Flags are findings about the data, as clean's issues: exit 1, so a script can tell.
  if (report.enumerators.some((q) => q.flags.length)) state.exitCode = Math.max(state.exitCode, 1);
}

/** `survey quality PLAN`: the per-enumerator fieldwork quality view (as the server's /quality page). */
export const registerQuality: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('quality')
    .description('per-enumerator fieldwork quality from the collected submissions: durations, speeders, straight-lining, non-response, answer distributions (chi-square vs the others, Holm), bursts, GPS clusters; exit 1 when an enumerator is flagged')
    .argument('<plan>', 'the plan (its codebook:, rules:) or a codebook YAML')
    .option('--db <file|postgres://…>', 'the database (default: submissions.sqlite beside the plan)')
    .option('--rules <rules.yaml>', "cleaning rules for the speeder, straight-lining and burst thresholds (default: the plan's rules:)")
    .option('--vars <a,b,…>', 'key single-choice variables whose answer distributions are compared (default: every single-choice question)')
    .option('--alpha <p>', 'family-wise error rate of the distribution tests (Holm)', '0.05');
  withCommonOptions(cmd);
  withExamples(cmd, [
    'survey quality data-samples/bazhou-2025/plan.yaml                 # 按调查员的质量检查（中文提示）',
    'survey quality plan.yaml --db postgres://survey@localhost/bazhou --json',
    'survey quality plan.yaml --vars happiness,sat_income --lang en',
  ]);
  cmd.action((plan: string, options: QualityOptions) => qualityAction(plan, options, ctx));
};
