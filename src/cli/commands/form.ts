import { assertWritable, formSpec, readCollectionPlan, writePaperForm } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CliContext, type CommonOptions, type RegisterCommand } from '../base.js';

interface FormOptions extends CommonOptions {
  out: string;
  force?: boolean;
}

async function formAction(planFile: string, options: FormOptions, { io }: CliContext): Promise<void> {
  assertWritable(options.out, { force: options.force });
  const plan = await readCollectionPlan(planFile);
  const summary = await writePaperForm(formSpec(plan.codebook), options.out, { lang: options.lang, force: options.force });
  if (options.json) printJson(io, summary);
  io.stderr.write(`wrote ${summary.file}: the printed questionnaire, ${summary.questions} questions (${summary.format})\n`);
}

/** `survey form PLAN --out q.docx|q.pdf`: the paper questionnaire printed from the codebook. */
export const registerForm: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('form')
    .description('print the questionnaire from the codebook for paper fieldwork: numbered questions, answer codes, skip instructions, a 问卷编号 box (Word, or PDF through LibreOffice)')
    .argument('<plan>', 'the plan (its codebook:) or a codebook YAML')
    .requiredOption('--out <q.docx|q.pdf>', 'the file to write: .docx, or .pdf (needs LibreOffice, soffice)')
    .option('--force', 'overwrite --out if it exists');
  withCommonOptions(cmd);
  withExamples(cmd, [
    'survey form data-samples/bazhou-2025/plan.yaml --out 问卷.docx      # 纸质问卷（Word）',
    'survey form plan.yaml --out questionnaire.pdf --lang en             # English, PDF via LibreOffice',
  ]);
  cmd.action((plan: string, options: FormOptions) => formAction(plan, options, ctx));
};
