import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { CsvParser, type CsvRecord } from '../../src/ingest/read/csv-parser.js';
import { mutate, mutations, noteInput, params, record, SEED } from './fuzz.js';
import { fuzzStudies, studyCsv, type FuzzStudy } from './fuzz-study.js';
import { spawnCli, tempDir } from './run-cli.js';

/** The longest one command may take before it counts as a hang (ms); the slowest real runs take ~3 s. */
export const CLI_HANG_MS = 30_000;

// Mostly names the study has, so that commands get past their checks; sometimes anything.
const VAR = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('q1', 'q2', 'q3', 'q1,q2', 'q*', 'g') },
  { weight: 1, arbitrary: fc.constantFrom('q4', 'id', 'duration_s', 'nope', '', '--json', '`q1`', 'q1 q2', '非常满意') },
);
const FORMULA = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('q1 ~ q2', 'q1 ~ q2 + q3', 'q2 ~ factor(q1)', 'I(q1 >= 2) ~ q2', 'q1 ~ log(q2) + q3', 'q1 ~ q2*q3', 'q1 ~ 1') },
  { weight: 1, arbitrary: fc.constantFrom('q1 ~ q1', '~ q2', 'q1 ~', 'q1 ~ (q2', 'q1 ~ nope') },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('q1', 'q2', 'q3', '~', '+', '*', ':', '(', ')', 'log(', ' ', '^2', '-1'), { maxLength: 12 }).map((a) => a.join('')) },
);
const EXTRA = fc.oneof(
  { weight: 3, arbitrary: fc.constant([] as string[]) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('--json', '--lang', 'en', 'xx', '--verbose', '--nope', '--', '-', '--encoding', 'gb18030', 'utf-7', '--delimiter', ';', '""', '--allow-ragged', '--sheet', 'S', '--force'), { minLength: 1, maxLength: 3 }) },
);

// Collection databases that are not there or not databases, and a server that does not answer.
const DB = fc.constantFrom('missing.sqlite', 'in.csv', 'plan.yaml', 'postgres://survey:pw@127.0.0.1:1/none');
const RECODE = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('q1=1:2,2:1', 'q2=1:3') },
  { weight: 1, arbitrary: fc.constantFrom('nope=1:2', 'q1=', 'q1=x:y', 'q1=1:2:3', 'q4=1:2', '=', 'q1=1:2,1:3') },
);

/** A command line over the study's files (`{dir}` is replaced by the study folder). */
const commands = fc.oneof(
  fc.tuple(fc.constant('ingest'), EXTRA).map(([, extra]) => ['ingest', 'in.csv', '--codebook', 'q.yaml', '--out', 'coded.csv', '--issues', 'issues.csv', '--json', ...extra]),
  fc.tuple(fc.boolean(), fc.integer({ min: -1, max: 50 }), EXTRA).map(([rules, distributed, extra]) => ['clean', 'in.csv', '--codebook', 'q.yaml', ...(rules ? ['--rules', 'rules.yaml'] : []), '--out', 'clean.csv', '--excluded', 'excluded.csv', '--issues', 'issues.csv', '--distributed', String(distributed), '--json', ...extra]),
  fc.tuple(VAR, EXTRA).map(([v, extra]) => ['freq', 'in.csv', '--codebook', 'q.yaml', '--var', v, ...extra]),
  fc.tuple(VAR, fc.constantFrom('--top', '--values'), fc.constantFrom('2', '1,2', '0', 'x', '比较满意'), fc.option(VAR), EXTRA).map(([v, how, k, by, extra]) => ['shares', 'in.csv', '--codebook', 'q.yaml', '--var', v, how, k, ...(by === null ? [] : ['--by', by]), ...extra]),
  fc.tuple(VAR, fc.option(VAR), EXTRA).map(([v, by, extra]) => ['means', 'in.csv', '--codebook', 'q.yaml', '--var', v, ...(by === null ? [] : ['--by', by]), ...extra]),
  fc.tuple(VAR, VAR, EXTRA).map(([a, b, extra]) => ['crosstab', 'in.csv', '--codebook', 'q.yaml', '--rows', a, '--cols', b, ...extra]),
  fc.tuple(VAR, EXTRA).map(([v, extra]) => ['reliability', 'in.csv', '--codebook', 'q.yaml', '--items', v, ...extra]),
  fc.tuple(FORMULA, fc.constantFrom('ols', 'logit', 'ologit', 'oprobit', 'probit'), fc.option(fc.constantFrom('HC0', 'HC3', 'HC9')), EXTRA).map(([f, model, robust, extra]) => ['regress', 'in.csv', f, '--codebook', 'q.yaml', '--model', model, ...(robust ? ['--robust', robust] : []), ...extra]),
  fc.tuple(fc.option(fc.constantFrom('0.5,2', '2,0.5', 'x', '0,1e9')), fc.constantFrom('poststratify', 'rake'), EXTRA).map(([trim, method, extra]) => ['weight', 'in.csv', '--codebook', 'q.yaml', '--targets', 'targets.yaml', '--method', method, '--out', 'weighted.csv', ...(trim ? ['--trim', trim] : []), ...extra]),
  fc.constant(['codebook', 'check', 'q.yaml', '--json']),
  EXTRA.map((extra) => ['run', 'plan.yaml', '--out', 'reports', ...extra]),
  fc.tuple(fc.constantFrom('plan.yaml', 'q.yaml', 'in.csv'), EXTRA).map(([plan, extra]) => ['form', plan, '--out', 'form.docx', ...extra]),
  fc.tuple(fc.constantFrom('quality', 'verify', 'export'), DB, EXTRA).map(([command, db, extra]) => [command, 'plan.yaml', '--db', db, ...(command === 'export' ? ['--out', 'exported.csv'] : []), ...extra]),
  fc.tuple(RECODE, EXTRA).map(([recode, extra]) => ['compare', 'plan.yaml', 'plan.yaml', '--reports', 'reports', '--recode', recode, ...extra]),
);

/** What may be damaged before the command runs. */
const damage = fc.record({
  file: fc.constantFrom('none', 'none', 'none', 'in.csv', 'q.yaml', 'rules.yaml', 'targets.yaml', 'plan.yaml'),
  steps: mutations,
});

/** The data rows of a CSV our writer made (header excluded). */
function csvRows(path: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const parser = new CsvParser(',', path);
  parser.push(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), out);
  parser.end(out);
  return out.slice(1).filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
}

function writeStudy(dir: string, study: FuzzStudy): void {
  writeFileSync(join(dir, 'in.csv'), studyCsv(study));
  writeFileSync(join(dir, 'q.yaml'), study.codebook);
  writeFileSync(join(dir, 'rules.yaml'), study.rules || '{}\n');
  writeFileSync(join(dir, 'targets.yaml'), `margins: {q1: {${study.q1Levels.map((l, k) => `"${l}": ${k + 1}`).join(', ')}}}\n`);
  writeFileSync(
    join(dir, 'plan.yaml'),
    `name: fuzz\ntitle: 模糊测试\ndata: in.csv\ncodebook: q.yaml\nrules: rules.yaml\noutputs: [md, xlsx]\nanalyses:\n  - {command: freq, vars: [q1]}\n${study.q1Levels.length ? '  - {command: shares, var: q1, top: 1}\n' : ''}  - {command: means, var: q1}\n`,
  );
}

/**
 * The command-layer property: any command line over a generated (and maybe damaged) study ends
 * within CLI_HANG_MS with exit 0–3 and no stack trace; and where the input was not damaged and the
 * command finished, every row is accounted for: input rows = kept + excluded (clean, in its JSON
 * and its files) and = coded rows (ingest).
 */
export async function fuzzCommandLine(shard: number, quick: number, campaign: number): Promise<void> {
  const root = tempDir(`survey-fuzz-cli-${shard}-`);
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fuzzStudies, commands, damage, async (study, args, hurt) => {
      const dir = join(root, String(n++));
      mkdirSync(dir);
      writeStudy(dir, study);
      if (hurt.file !== 'none') writeFileSync(join(dir, hurt.file), mutate(readFileSync(join(dir, hurt.file)), hurt.steps));
      noteInput(dir);
      const started = performance.now();
      const run = spawnCli(args, { cwd: dir, timeoutMs: CLI_HANG_MS });
      const ms = performance.now() - started;
      const said = run.stderr.trimEnd().split('\n').filter((l) => /^(survey: |error: )/.test(l)).at(-1) ?? '';
      record(`cli-${args[0]}`, `exit ${run.code}`, ms, { damaged: hurt.file !== 'none', said: said.replace(/\/tmp\/\S+/g, '…').slice(0, 100) });
      const shown = `survey ${args.map((a) => JSON.stringify(a)).join(' ')} in ${dir}\n${run.stderr}`;
      expect(run.code, `hang or signal: ${shown}`).toBeGreaterThanOrEqual(0);
      expect([0, 1, 2, 3], shown).toContain(run.code);
      expect(run.stderr, shown).not.toMatch(/internal error|\n\s+at \S+ \(|Unhandled|EPIPE|YAMLWarning/);
      if (run.code >= 2) expect(run.stderr, shown).toMatch(/^(survey: |error: )/m);
      if (hurt.file !== 'none' && hurt.file !== 'q.yaml' && hurt.file !== 'rules.yaml') return;
      if (hurt.file !== 'none' || run.code > 1) return;
      if (args[0] === 'clean') {
        const json = JSON.parse(run.stdout);
        expect(json.input_rows, shown).toBe(study.dataRows);
        expect(json.kept_rows + json.excluded_rows, shown).toBe(json.input_rows);
        expect(csvRows(join(dir, 'clean.csv')).length + csvRows(join(dir, 'excluded.csv')).length, shown).toBe(json.input_rows);
      }
      if (args[0] === 'run' && run.code === 0) {
        const report = join(dir, 'reports', 'fuzz');
        expect(csvRows(join(report, 'clean.csv')).length + csvRows(join(report, 'excluded.csv')).length, shown).toBe(study.dataRows);
      }
      if (args[0] === 'ingest' && existsSync(join(dir, 'coded.csv'))) {
        expect(JSON.parse(run.stdout).rows, shown).toBe(study.dataRows);
        expect(csvRows(join(dir, 'coded.csv')).length, shown).toBe(study.dataRows);
      }
    }),
    { ...params(quick, campaign), seed: SEED + shard },
  );
}
