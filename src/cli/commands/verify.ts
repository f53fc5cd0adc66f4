import { cliWords, compileForm, databaseFor, entryReport, EntryStore, formSpec, openStore, readCollectionPlan } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions, type RegisterCommand } from '../base.js';

interface VerifyOptions extends CommonOptions {
  db?: string;
}

const cell = (value: unknown) => (value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value));
const percent = (rate: number | null) => (rate === null ? '' : `${(100 * rate).toFixed(2)}%`);

async function verifyAction(planFile: string, options: VerifyOptions, { io, state }: CliContext): Promise<void> {
  const plan = await readCollectionPlan(planFile);
  const store = await openStore(databaseFor(planFile, options.db), { formId: plan.codebook.id, existing: true });
  try {
    const form = compileForm(formSpec(plan.codebook));
    const report = await entryReport(new EntryStore(store), form);
    const disagreements = report.states.flatMap((s) =>
      s.disagreements.map((d) => ({
        questionnaire: s.formNo,
        variable: d.variable,
        first_entry: d.first,
        second_entry: d.second,
        first_operator: s.passes[0].operator,
        second_operator: s.passes[1].operator,
        resolved: d.resolution !== null,
        chosen: d.resolution?.chosen ?? null,
        resolved_by: d.resolution?.user ?? null,
        resolved_at: d.resolution?.at ?? null,
      })),
    );
    const count = (status: string) => report.states.filter((s) => s.status === status).length;
    const open = disagreements.filter((d) => !d.resolved);
    if (options.json) {
      printJson(io, {
        database: store.driver.location,
        questionnaires: { keyed_once: count('keyed-once'), disputed: count('disputed'), verified: count('verified') },
        disagreements,
        operators: report.operators.map((r) => ({
          operator: r.operator,
          passes: r.passes,
          compared: r.compared,
          fields: r.fields,
          disagreements: r.disagreements,
          discrepancy_rate: r.discrepancyRate,
          errors: r.errors,
          error_rate: r.errorRate,
        })),
      });
    } else {
      const w = cliWords(options.lang).verify;
      io.stdout.write(`${w.disagreementColumns.join('\t')}\n`);
      for (const d of disagreements) io.stdout.write(`${[d.questionnaire, d.variable, cell(d.first_entry), cell(d.second_entry), d.resolved ? `${cell(d.chosen)} (${d.resolved_by})` : ''].join('\t')}\n`);
      io.stdout.write(`\n${w.operatorColumns.join('\t')}\n`);
      for (const r of report.operators) io.stdout.write(`${[r.operator, r.passes, r.fields, r.disagreements, percent(r.discrepancyRate), r.errors, percent(r.errorRate)].join('\t')}\n`);
    }
    io.stderr.write(
      `${store.driver.location}: ${count('verified')} verified (in survey export), ${count('disputed')} with ${open.length} open disagreements, ${count('keyed-once')} keyed once` +
        `${open.length ? ' — resolve them on /entry/verify in survey serve (admin)' : ''}\n`,
    );
    // Open disagreements are data problems still to settle (exit 1), as the cleaning's are.
    if (open.length) state.exitCode = 1;
  } finally {
    await store.close();
  }
}

/** `survey verify PLAN`: the double-entry disagreements of paper questionnaires and each operator's discrepancy rate. */
export const registerVerify: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('verify')
    .description('list every disagreement between the two entries of paper questionnaires (questionnaire, variable, first, second) and the discrepancy rate per operator; exit 1 while any is unresolved')
    .argument('<plan>', 'the plan (or codebook) the questionnaires were keyed with')
    .option('--db <file|postgres://…>', 'the database (default: submissions.sqlite beside the plan)');
  withCommonOptions(cmd);
  withExamples(cmd, [
    'survey verify data-samples/bazhou-2025/plan.yaml              # 双录入不一致清单与录入员差错率',
    'survey verify plan.yaml --db postgres://survey@localhost/bazhou --json',
  ]);
  cmd.action((plan: string, options: VerifyOptions) => verifyAction(plan, options, ctx));
};
