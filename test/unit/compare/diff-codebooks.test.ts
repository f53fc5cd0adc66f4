import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { diffCodebooks } from '../../../src/compare/diff-codebooks.js';
import { diffCleaning, diffWeighting } from '../../../src/compare/diff-settings.js';
import { defaultRules, parseRules } from '../../../src/clean/clean-rules.js';

const earlier = parseCodebook(`id: w1
variables:
  - {name: area, label: 居住地, type: single, choices: {1: 城市, 2: 农村}}
  - {name: happy, label: 您幸福吗？, type: single, ordered: true, choices: {1: 不幸福, 2: 一般, 3: 幸福}, missing: {9: 说不清}}
  - {name: q3, label: 您的职业是？, type: single, choices: {1: 务农, 2: 工人, 3: 其他}}
  - {name: q4, label: 收入, type: numeric, range: [0, 100000]}
  - {name: old, label: 旧题, type: text}
  - {name: q6, label: 满意度, type: single, choices: {1: 很不满意, 2: 满意}}
`, 'w1.yaml');
const later = parseCodebook(`id: w2
variables:
  - {name: area, label: "居住地 ", type: single, choices: {1: {label: 城市}, 2: 农村}}
  - {name: happy, label: 您觉得幸福吗？, type: single, ordered: true, choices: {1: 不幸福, 2: 一般, 3: 幸福, 4: 非常幸福}}
  - {name: q3, label: 您的职业是？, type: single, choices: {1: 务农, 2: 工人, 4: 其他}}
  - {name: q4, label: 收入, type: numeric, range: [0, 200000]}
  - {name: new, label: 新题, type: text}
  - {name: q6, label: 满意度, type: single, choices: {1: {label: 非常不满意, aliases: [很不满意]}, 2: 满意}}
`, 'w2.yaml');

describe('diffCodebooks: what changed in the questionnaire between two waves', () => {
  const changes = diffCodebooks(earlier, later);
  const of = (variable: string) => changes.filter((c) => c.variable === variable).map((c) => [c.kind, c.from, c.to, c.breaks]);

  it('finds nothing where only spacing differs', () => expect(of('area')).toEqual([]));
  it('finds a reworded question, an added answer and changed missing codes', () => {
    expect(of('happy')).toEqual([
      ['reworded', '您幸福吗？', '您觉得幸福吗？', true],
      ['choice-added', null, '4=非常幸福', true],
      ['missing-codes', '9=说不清', null, false],
    ]);
  });
  it('tells a recode (the same answer under another code) from a relabel', () => expect(of('q3')).toEqual([['recoded', '3=其他', '4=其他', true]]));
  it('notes a changed range without breaking comparability', () => expect(of('q4')).toEqual([['range', '[0, 100000]', '[0, 200000]', false]]));
  it('lists questions added and removed', () => {
    expect(of('new')).toEqual([['added', null, '新题', false]]);
    expect(of('old')).toEqual([['removed', '旧题', null, true]]);
  });
  it('takes a choice alias as the same answer', () => expect(of('q6')).toEqual([]));
});

describe('diffCleaning and diffWeighting', () => {
  it('lists rule thresholds as applied (defaults filled in) and checks', () => {
    const rules = parseRules('speeder: {median_fraction: 0.25}\nnear-duplicate: {similarity: 0.95}\n', 'r.yaml');
    expect(diffCleaning({ rules, checks: [] }, { rules: defaultRules(), checks: [{ name: 'age', check: 'age >= 18' }] })).toEqual([
      { setting: 'speeder.median_fraction', from: '0.25', to: null },
      { setting: 'checks.age', from: null, to: 'age >= 18' },
    ]);
  });
  it('lists targets and weighting settings that differ', () => {
    const t = (a: number) => ({ file: 'p.yaml', total: null, tables: [{ variables: ['area'], keys: [['城市'], ['农村']], values: [a, 100], path: 'margins.area' }] });
    expect(diffWeighting({ spec: { method: 'rake' }, targets: t(300) }, { spec: {}, targets: t(310) })).toEqual([
      { setting: 'weight.method', from: 'rake', to: '(default)' },
      { setting: 'targets.area=城市', from: '300', to: '310' },
    ]);
    expect(diffWeighting({ spec: null, targets: null }, { spec: {}, targets: null })[0]).toEqual({ setting: 'weight', from: 'no', to: 'yes' });
  });
});
