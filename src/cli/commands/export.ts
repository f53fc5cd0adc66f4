import { assertWritable, databaseFor, exportSubmissions, openStore, readCollectionPlan } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions, type RegisterCommand } from '../base.js';

interface ExportOptions extends CommonOptions {
  db?: string;
  out: string;
  force?: boolean;
  approvedOnly?: boolean;
  reviewStatus?: boolean;
}

async function exportAction(planFile: string, options: ExportOptions, { io }: CliContext): Promise<void> {
  assertWritable(options.out, { force: options.force });
  const plan = await readCollectionPlan(planFile);
  const store = await openStore(databaseFor(planFile, options.db), { formId: plan.codebook.id, existing: true });
  try {
    const summary = await exportSubmissions(store, plan.codebook, options.out, { force: options.force, approvedOnly: options.approvedOnly, reviewStatus: options.reviewStatus });
    if (options.json) printJson(io, { file: summary.file, rows: summary.rows, withdrawn: summary.withdrawn, unapproved: summary.unapproved, columns: summary.columns, database: store.driver.location });
    io.stderr.write(`wrote ${summary.file}: ${summary.rows} submissions × ${summary.columns} columns${summary.withdrawn ? ` (${summary.withdrawn} withdrawn left out)` : ''}${summary.unapproved ? ` (${summary.unapproved} not approved left out)` : ''} from ${store.driver.location}\n`);
  } finally {
    await store.close();
  }
}

/** `survey export PLAN --out FILE`: the submissions as the coded table `survey ingest` writes. */
export const registerExport: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('export')
    .description('write the collected submissions as the coded table `survey ingest` writes (header even before the first submission)')
    .argument('<plan>', 'the plan (or codebook) the submissions were collected with')
    .requiredOption('--out <responses.csv>', 'the coded CSV to write (_source_row and id = the submission number)')
    .option('--db <file|postgres://…>', 'the database (default: submissions.sqlite beside the plan)')
    .option('--force', 'overwrite --out if it exists')
    .option('--approved-only', 'only submissions a supervisor approved (default: every active one, rejected-but-not-corrected included)')
    .option('--review-status', 'add a last column _review_status: pending, approved or rejected');
  withCommonOptions(cmd);
  withExamples(cmd, [
    'survey export data-samples/bazhou-2025/plan.yaml --out responses.csv     # 导出为编码表，可直接 clean/run',
    'survey export plan.yaml --db postgres://survey@localhost/bazhou --out responses.csv --json',
    'survey export plan.yaml --out approved.csv --approved-only          # 只导出督导审核通过的问卷',
  ]);
  cmd.action((plan: string, options: ExportOptions) => exportAction(plan, options, ctx));
};
