import type { Choice, Codebook, Variable } from '../../../src/core/types.js';
import { parseSimulationSpec } from '../../../src/simulate/spec/parse-simulation-spec.js';
import { resolveSimulationSpec } from '../../../src/simulate/spec/resolve-simulation-spec.js';
import type { SimulationPlan } from '../../../src/simulate/spec/simulation-plan.js';

const choices = (labels: string[]): Choice[] => labels.map((label, i) => ({ code: i + 1, label, aliases: [] }));
const scale = choices(['很不满意', '不太满意', '一般', '比较满意', '非常满意']);
const item = (name: string, label: string): Variable => ({
  name, label, type: 'single', ordered: true, group: 'sat', choices: scale,
  missing: [{ code: 9, label: '拒绝回答', aliases: [] }], aliases: [],
});

/** A small questionnaire: strata, a categorical, two numerics, a three-item grid and an outcome. */
export const codebook: Codebook = {
  id: 'test',
  variables: [
    { name: 'area', label: '居住地', type: 'single', choices: choices(['城市', '农村']), aliases: [] },
    { name: 'sex', label: '性别', type: 'single', choices: choices(['男', '女']), aliases: [] },
    { name: 'age', label: '年龄', type: 'numeric', range: [18, 90], aliases: [] },
    { name: 'income', label: '人均收入', type: 'numeric', range: [0, 1000000], aliases: [] },
    item('sat_a', '收入'),
    item('sat_b', '服务'),
    item('sat_c', '环境'),
    {
      name: 'happy', label: '幸福吗？', type: 'single', ordered: true,
      choices: choices(['不幸福', '一般', '幸福']), missing: [{ code: 8, label: '说不清', aliases: [] }], aliases: [],
    },
    { name: 'note', label: '备注', type: 'text', aliases: [] },
  ],
  checks: [],
  derive: [],
};

/** A spec using every feature: strata, by overrides, exact means, hidden helpers, terms, missing codes, wjx faults. */
export const specText = `
codebook: cb.yaml
seed: 42
strata: {variable: area, sizes: {城市: 300, 农村: 200}}
variables:
  sex: {dist: categorical, shares: {男: 0.5, 女: 0.5}, by: {area: {农村: {shares: {男: 0.6, 女: 0.4}}}}}
  age: {dist: normal, mean: 45, sd: 12, clamp: [18, 80], round: 0, by: {sex: {女: {mean: 50}}}}
  income:
    dist: lognormal
    mean: 40000
    sdlog: 0.5
    exact_mean: true
    clamp: [1000, 500000]
    round: 0
    by: {area: {农村: {mean: 20000}}}
    missing: {empty: 0.04}
  mood: {dist: normal, mean: 0, sd: 1, hidden: true}
  sat_a: {dist: ordinal, terms: {log(income): 1, mood: 0.5}, targets: {1: 0.1, 2: 0.2, 3: 0.4, 4: 0.2, 5: 0.1}, missing: {拒绝回答: 0.02}}
  sat_b:
    dist: ordinal
    noise: normal
    terms: {mood: 0.5, area=农村: -0.3}
    targets: {1: 0.1, 2: 0.2, 3: 0.4, 4: 0.2, 5: 0.1}
    by: {area: {农村: {targets: {1: 0.3, 2: 0.3, 3: 0.2, 4: 0.1, 5: 0.1}}}}
    missing: {empty: 0.01}
  sat_c: {dist: ordinal, terms: {mood: 0.7}, targets: {1: 0.05, 2: 0.15, 3: 0.5, 4: 0.2, 5: 0.1}}
  happy:
    dist: ordinal
    terms: {sat_a: 0.5, sat_b: 0.4, sat_c: 0.3, log(income): 0.5}
    targets: {不幸福: 0.2, 一般: 0.35, 幸福: 0.45}
    missing: {说不清: 0.02}
wjx:
  start: "2025-03-10"
  days: 10
  median_seconds: 400
  minutes_format: 0.5
  regions: {四川-巴中: 0.9, 四川-成都: 0.1}
  trailing_spaces: [sex]
  grids: {sat: 您对以下方面满意吗？}
  faults: {speeder: 0.02, duplicate: 0.02, near_duplicate: 0.02, straight_liner: 0.02, out_of_range: 0.02, unknown_answer: 0.02, blank: 0.01}
`;

/** Parses and resolves a spec text against the fixture codebook. */
export function planOf(text: string = specText): SimulationPlan {
  return resolveSimulationSpec(parseSimulationSpec(text, 'spec.yaml'), codebook, { file: 'spec.yaml', codebookFile: 'cb.yaml' });
}
