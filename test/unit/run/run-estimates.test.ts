import { describe, expect, it } from 'vitest';
import { makeDesign } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { renderMarkdown } from '../../../src/report/render-markdown.js';
import { planSchema } from '../../../src/run/plan-schema.js';
import { runAnalysis } from '../../../src/run/run-analysis.js';

const apistrat = new URL('../../reference/estimators-api/apistrat.csv', import.meta.url).pathname;
const base = { name: 'x', title: 'x', data: 'd.csv', codebook: 'q.yaml' };

describe('plans run totals, quantiles and ratio', () => {
  it('the plan schema takes them with the CLI words (probs default 0.25, 0.5, 0.75; qrule math)', () => {
    const plan = planSchema.parse({ ...base, analyses: [{ command: 'totals', var: 'api00', by: 'awards' }, { command: 'quantiles', var: ['api00'] }, { command: 'ratio', num: 'api00', den: 'api99' }] });
    expect(plan.analyses[1]).toMatchObject({ probs: [0.25, 0.5, 0.75], qrule: 'math' });
    expect(planSchema.safeParse({ ...base, analyses: [{ command: 'quantiles', var: 'api00', probs: [1.5] }] }).success).toBe(false);
    expect(planSchema.safeParse({ ...base, analyses: [{ command: 'ratio', num: 'api00' }] }).success).toBe(false);
  });

  it('results.json gets the JSON contracts, weighted beside; the report a table of the weighted estimates', async () => {
    const { table } = await readDataTable(apistrat);
    const designs = { plain: makeDesign(table), weighted: makeDesign(table, { weight: 'pw', strata: 'stype' }) };
    const plan = planSchema.parse({ ...base, analyses: [{ command: 'totals', var: 'stype' }, { command: 'quantiles', var: 'api00', probs: [0.5] }, { command: 'ratio', num: 'api00', den: 'api99', by: 'awards' }] });
    const [totals, quantiles, ratio] = plan.analyses.map((a, i) => runAnalysis(designs, a, `0${i}`, 'en'));
    expect((totals.weightedResults![0] as { groups: { total: number }[] }).groups.map((g) => Math.round(g.total))).toEqual([4421, 755, 1018]);
    expect((totals.results[0] as { groups: { total: number }[] }).groups.map((g) => g.total)).toEqual([100, 50, 50]);
    expect((quantiles.weightedResults![0] as { groups: { quantile: number }[] }).groups[0].quantile).toBe(668);
    expect((ratio.results[0] as { var: string }).var).toBe('api00/api99');
    const md = renderMarkdown({ title: 'x', byline: [], blocks: [...totals.blocks, ...quantiles.blocks, ...ratio.blocks] });
    expect(md).toContain('| All | E | 200 | 4421 |');
    expect(md).toContain('Woodruff');
    expect(md).toContain('| All | 200 | 1.0523 | 0.0037 |');
  });
});

describe('plan quotas (read by survey serve)', () => {
  const plan = { ...base, analyses: [{ command: 'freq', vars: ['area'] }] };
  it('a plan with quotas is a valid plan for survey run; bad targets are refused', () => {
    expect(planSchema.safeParse({ ...plan, quotas: { area: { 城市: 6000, 农村: 4000 } } }).success).toBe(true);
    expect(planSchema.safeParse({ ...plan, quotas: { area: { 城市: -1 } } }).success).toBe(false);
    expect(planSchema.safeParse({ ...plan, quotas: { area: { 城市: 1.5 } } }).success).toBe(false);
  });
});
