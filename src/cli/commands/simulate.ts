import { InvalidArgumentError, Option } from 'commander';
import { UsageError, assertOutputsApart, assertWritable, writeFileAtomic, loadSimulationSpec, renderSimulation, type RenderOptions } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CommonOptions, type RegisterCommand } from '../base.js';

interface SimulateOptions extends CommonOptions {
  out: string;
  n?: number;
  seed?: number;
  codebook?: string;
  format: RenderOptions['format'];
  labels?: boolean;
  truth?: string;
  force?: boolean;
}

function wholeNumber(what: string, min: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
      throw new InvalidArgumentError(`${what} must be a whole number ≥ ${min}`);
    }
    return value;
  };
}

/** Registers `survey simulate`: synthetic responses, or a 问卷星-style export with injected faults, from a spec. */
export const registerSimulate: RegisterCommand = (program, { io }) => {
  withExamples(
    withCommonOptions(program.command('simulate <spec>'))
      .description('draw synthetic responses from a generative spec (YAML): coded CSV, or a 问卷星 export with injected faults')
      .requiredOption('--out <file>', 'the file to write (.csv; .xlsx or GB18030 .csv with --format wjx-*)')
      .option('--n <n>', 'clean respondents; strata sizes are scaled to it (default: the sizes in the spec)', wholeNumber('--n', 1))
      .option('--seed <seed>', 'random seed (default: seed: in the spec)', wholeNumber('--seed', 0))
      .option('--codebook <file>', 'the codebook (default: codebook: in the spec, relative to the spec)')
      .addOption(new Option('--format <format>', 'csv (codes), wjx-text (按文本) or wjx-code (按序号)').choices(['csv', 'wjx-text', 'wjx-code']).default('csv'))
      .option('--labels', 'csv: write choice labels instead of codes')
      .option('--truth <file>', 'wjx formats: write the injected faults (序号,fault,variable) to this CSV')
      .option('--force', 'overwrite existing outputs'),
    [
      'survey simulate simulate.yaml --seed 20250314 --out responses.csv',
      'survey simulate simulate.yaml --n 500 --seed 7 --labels --out small.csv',
      'survey simulate simulate.yaml --format wjx-text --out raw.xlsx --truth truth.csv',
    ],
  ).action(async (specFile: string, options: SimulateOptions) => {
    const wjx = options.format !== 'csv';
    if (options.labels && wjx) throw new UsageError('--labels is for --format csv', { hint: 'wjx-text already writes answer texts' });
    if (options.truth && !wjx) throw new UsageError('--truth needs --format wjx-text or wjx-code', { hint: 'a csv has no injected faults' });
    assertOutputsApart(
      [{ path: options.out, role: '--out' }, { path: options.truth, role: '--truth' }],
      [{ path: specFile, role: 'the input' }, { path: options.codebook, role: '--codebook' }],
    );
    for (const path of [options.out, options.truth]) if (path) assertWritable(path, options);
    const plan = await loadSimulationSpec(specFile, { codebook: options.codebook });
    const seed = options.seed ?? plan.seed;
    if (seed === undefined) throw new UsageError('no seed', { file: specFile, hint: 'pass --seed S or add seed: to the spec' });
    const rendered = await renderSimulation(plan, {
      seed,
      n: options.n,
      format: options.format,
      labels: options.labels,
      xlsx: /\.xlsx$/i.test(options.out),
    });
    await writeFileAtomic(options.out, rendered.data, options);
    if (options.truth && rendered.truth !== null) await writeFileAtomic(options.truth, rendered.truth, options);

    const choices = plan.strata.variable.choices ?? [];
    const strata = Object.fromEntries(rendered.sample.strataSizes.map((size, i) => [choices[i].label, size]));
    const faults = rendered.wjx?.counts ?? null;
    const rows = rendered.wjx ? rendered.wjx.records.length : rendered.sample.n;
    const byStratum = Object.entries(strata).map(([label, size]) => `${label} ${size}`).join(', ');
    const faultText = faults
      ? `; ${rows - rendered.sample.n} faulty rows added (${Object.entries(faults).map(([k, v]) => `${v} ${k}`).join(', ')})`
      : '';
    io.stderr.write(`wrote ${options.out}: ${rendered.sample.n} respondents (${byStratum}), seed ${seed}${faultText}\n`);
    if (wjx && !options.truth) io.stderr.write('note: the ground truth of the faults was not written (add --truth FILE)\n');
    if (options.json) {
      printJson(io, {
        spec: specFile,
        codebook: plan.codebookFile,
        seed,
        n: rendered.sample.n,
        strata,
        format: options.format,
        out: options.out,
        rows,
        columns: rendered.wjx ? rendered.wjx.header.length : plan.columns.length + 1,
        faults,
        truth: options.truth ?? null,
      });
    }
  });
};
