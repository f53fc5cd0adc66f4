import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expect-close.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

// R, Stata and SPSS exports name columns GNP.deflator, sch.wide or 收入 (元); without a codebook the
// file's own names are used, in flags and (as R) in formulas. Expected values: R 4.2.2, lm() and
// survey 4.1.1 (test/reference/column-names/make-expected.R).
const fixture = new URL('../reference/column-names/', import.meta.url).pathname;
const r = JSON.parse(readFileSync(`${fixture}expected.json`, 'utf8'));
// Longley is ill-conditioned (κ ≈ 5e9 after centring); the QR fit still agrees with lm() to 1e-9.
const longleyFit = { rtol: 1e-9 };
const closedForm = { rtol: 1e-10 };
const linearization = { rtol: 1e-8 };

/** Runs `survey regress --json` and compares terms, estimates and SEs with R's lm(). */
async function expectLm(file: string, formula: string, want: { terms: string[]; estimates: number[]; se: number[] }, label: string) {
  const out = await runCli(['regress', `${fixture}${file}`, formula, '--json']);
  expect(out.code, out.stderr).toBe(0);
  const coefficients: { term: string; estimate: number; std_error: number }[] = JSON.parse(out.stdout).coefficients;
  expect(coefficients.map((c) => c.term)).toEqual(want.terms);
  expectClose(coefficients.map((c) => c.estimate), want.estimates, { ...longleyFit, label: `${label} coefficients` });
  expectClose(coefficients.map((c) => c.std_error), want.se, { ...longleyFit, label: `${label} SEs` });
}

describe('column names from R, Stata and SPSS exports', () => {
  it("regress longley.csv with R's own names (GNP.deflator, Armed.Forces) = lm()", async () => {
    await expectLm('longley.csv', 'Employed ~ GNP.deflator + GNP + Unemployed + Armed.Forces + Population + Year', r.longley, 'longley');
  });

  it('backquoted CJK names with spaces and brackets, term names as R prints them', async () => {
    await expectLm('cjk.csv', '`就业 人数` ~ `收入 (元)` + 年份 + `地区 名` + log(`收入 (元)`)', r.cjk, 'cjk');
  });

  it('flags take the names as they are: shares --var sch.wide --by 学校类型 (= svyby)', async () => {
    const out = await runCli(['shares', `${fixture}api.csv`, '--var', 'sch.wide', '--values', 'Yes', '--by', '学校类型', '--weight', 'pw', '--strata', '学校类型', '--json']);
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.var).toBe('sch.wide');
    const groups = json.groups.slice(1);
    expect(groups.map((g: { level: string }) => g.level)).toEqual(r.api.levels);
    expectClose(groups.map((g: { share: number }) => g.share), r.api.share, { ...closedForm, label: 'shares' });
    expectClose(groups.map((g: { se: number }) => g.se), r.api.se, { ...linearization, label: 'SEs' });
  });

  it('means --var "收入 (元)" --by "地区 名": a name with spaces and brackets in a flag', async () => {
    const out = await runCli(['means', `${fixture}cjk.csv`, '--var', '收入 (元)', '--by', '地区 名', '--json']);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).var).toBe('收入 (元)');
  });

  it('a draft written for a codebook still gets identifiers, the header as its label', async () => {
    const draft = join(tempDir(), 'q.yaml');
    const out = await runCli(['ingest', `${fixture}longley.csv`, '--write-codebook', draft]);
    expect(out.code, out.stderr).toBe(0);
    expect(readFileSync(draft, 'utf8')).toMatch(/name: v1\n\s+label: GNP\.deflator/);
  });
});
