import { describe, expect, it } from 'vitest';
import { formatError, ProblemsError, UsageError } from '../../../src/core/errors.js';
import { codebook, planOf, specText } from './fixture.js';

/** The problems a spec text has, as `path: message` lines (and the file the error names). */
function problems(text: string): { file?: string; lines: string[] } {
  try {
    planOf(text);
  } catch (err) {
    if (!(err instanceof ProblemsError)) throw err;
    return { file: err.location.file, lines: err.problems.map((p) => `${p.path}: ${p.message}`) };
  }
  throw new Error('expected problems');
}

const base = `
codebook: cb.yaml
strata: {variable: area, sizes: {城市: 30, 农村: 20}}
variables:
  income: {dist: lognormal, mean: 100, sdlog: 0.5, clamp: [1, 1000]}
`;

describe('simulation spec problems', () => {
  it('accepts the fixture spec', () => {
    const plan = planOf();
    expect(plan.columns.map((v) => v.name)).toEqual(['area', 'sex', 'age', 'income', 'sat_a', 'sat_b', 'sat_c', 'happy']);
    expect(plan.variables.find((v) => v.name === 'mood')?.variable).toBeUndefined();
    expect(plan.seed).toBe(42);
    expect(codebook.variables.at(-1)?.name).toBe('note');
  });

  it('names the spec file and the key path of negative sizes, negative shares and shares not summing to 1', () => {
    const { file, lines } = problems(`${base}
  sex: {dist: categorical, shares: {男: 0.7, 女: 0.2}}
  happy: {dist: ordinal, targets: {1: 1.2, 2: -0.2}}
`.replace('城市: 30', '城市: -3'));
    expect(file).toBe('spec.yaml');
    expect(lines).toEqual([
      'strata.sizes.城市: a size cannot be negative',
      'variables.sex.shares: shares sum to 0.9, not 1',
      'variables.happy.targets.2: a share cannot be negative',
    ]);
  });

  it('reports unknown covariates, later variables, bad terms and unknown levels in predictors', () => {
    const { lines } = problems(`${base}
  sat_a: {dist: ordinal, terms: {mood: 1, sat_b: 1, 'a b': 1, area=郊区: 1, sex=男: 1, log(age): 1}, targets: {1: 1}}
  sat_b: {dist: ordinal, targets: {3: 1}}
  age: {dist: normal, mean: 40, sd: 10}
`);
    expect(lines).toEqual([
      'variables.sat_a.terms.mood: unknown covariate mood: it is neither the strata variable nor a variable of the spec',
      'variables.sat_a.terms.sat_b: sat_b is generated after sat_a; list it earlier in variables',
      'variables.sat_a.terms.a b: a term is a variable (x), its log (log(x)) or a level indicator (x=level)',
      'variables.sat_a.terms.area=郊区: "郊区" is not a choice of area (1 城市, 2 农村)',
      'variables.sat_a.terms.sex=男: unknown covariate sex: it is neither the strata variable nor a variable of the spec',
      'variables.sat_a.terms.log(age): age is generated after sat_a; list it earlier in variables',
    ]);
  });

  it('reports unknown codebook variables, wrong types, unknown choices and missing codes', () => {
    const { lines } = problems(`${base}
  nosuch: {dist: normal, mean: 0, sd: 1}
  sex: {dist: normal, mean: 0, sd: 1}
  note: {dist: categorical, shares: {a: 1}}
  sat_a: {dist: ordinal, targets: {非常满意: 0.5, 满意: 0.5}, missing: {说不清: 0.1, empty: 0.1}}
  age: {dist: normal, mean: 40, sd: 10, clamp: [0, 200]}
`);
    expect(lines).toEqual([
      'variables.nosuch: nosuch is not a variable of cb.yaml',
      'variables.sex.dist: normal needs a numeric variable, but sex is single in cb.yaml',
      'variables.note.dist: categorical needs a single variable, but note is text in cb.yaml',
      'variables.sat_a.targets.满意: "满意" is not a choice of sat_a (1 很不满意, 2 不太满意, 3 一般, 4 比较满意, 5 非常满意)',
      'variables.sat_a.missing.说不清: "说不清" is neither "empty" nor a missing code of sat_a (declared: 9 拒绝回答)',
      "variables.age.clamp: clamp [0, 200] reaches outside age's range [18, 90] in cb.yaml",
    ]);
  });

  it('reports log() of a variable that can reach 0, by on numerics, and hidden codebook variables', () => {
    const { lines } = problems(`${base}
  mood: {dist: normal, mean: 0, sd: 1, hidden: true}
  age: {dist: normal, mean: 40, sd: 10, hidden: true, by: {income: {1: {mean: 3}}}}
  sat_a: {dist: ordinal, terms: {log(mood): 1}, targets: {1: 1}}
`);
    expect(lines).toEqual([
      'variables.age.hidden: age is a variable of cb.yaml; only helpers outside the codebook can be hidden',
      'variables.age.by.income: income is numeric; by needs a variable with choices',
      'variables.sat_a.terms.log(mood): log(mood) needs mood > 0: give it a clamp with a positive lower bound',
    ]);
  });

  it('reports schema problems with their paths before any name is resolved', () => {
    const { lines } = problems(`${base}
  x: {mean: 1}
  y: {dist: normal, sd: 0}
  z: {dist: normal, mean: 0, sd: 1, colour: red}
`);
    expect(lines).toEqual([
      'variables.x.dist: dist must be normal, lognormal, categorical or ordinal',
      'variables.y.mean: is required',
      'variables.y.sd: Too small: expected number to be >0',
      'variables.z: Unrecognized key: "colour"',
    ]);
  });

  it('reports wjx settings that name nothing written', () => {
    const { lines } = problems(
      specText
        .replace('trailing_spaces: [sex]', 'trailing_spaces: [mood]\n  straight_line_grids: [sat]')
        .replace('grids: {sat: ', 'grids: {nogrid: '),
    );
    expect(lines).toEqual([
      'wjx.trailing_spaces[0]: mood is not a written variable',
      'wjx.grids.nogrid: no written variable has group: nogrid',
      'wjx.straight_line_grids[0]: sat is not one of wjx.grids',
      'wjx.faults.straight_liner: needs a grid (wjx.grids) of at least two written items',
    ]);
  });

  it('reports YAML syntax errors with the line', () => {
    let error: unknown;
    try {
      planOf('a: 1\nb: [\n');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect(formatError(error)).toMatch(/^spec\.yaml: line \d+: the simulation spec is not valid YAML: /);
  });
});
