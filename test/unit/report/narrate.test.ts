import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { fitOls } from '../../../src/analyze/regression/fit-ols.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { makeDesign, type Design } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { termWords } from '../../../src/locale/term-words.js';
import { narrateRegression } from '../../../src/report/regression-section.js';
import { renderMarkdown } from '../../../src/report/render-markdown.js';
import { narrateShares, sharesSection } from '../../../src/report/shares-section.js';
import { runAnalysis } from '../../../src/run/run-analysis.js';

const sample = (name: string) => fileURLToPath(new URL(`../../../data-samples/bazhou-2025/${name}`, import.meta.url));
let design: Design;

beforeAll(async () => {
  const codebook = await loadCodebook(sample('codebook.yaml'));
  design = makeDesign((await readDataTable(sample('responses.csv'), { codebook })).table);
});

describe('report narrative', () => {
  it('states a share with its interval, the groups and whether they differ — in Chinese', () => {
    const r = estimateShares(design, { variable: 'happiness', top: 2, by: 'area' });
    expect(narrateShares(r, 'zh')).toBe(
      '调查结果显示：对“总体而言，您觉得自己的生活幸福吗？”回答“比较幸福”和“非常幸福”的，占有效样本（10000人）的55.2%（95%置信区间：54.2%–56.2%）。' +
        '分组看，城市为62.3%，农村为44.6%。城市比农村高17.7个百分点（95%置信区间：15.7～19.6，p < 0.001），差异在0.05水平上显著。',
    );
  });

  it('names the variable in a plan\'s share and mean sentences by its short label, not the question text the table title keeps', () => {
    const paragraphs = (a: Parameters<typeof runAnalysis>[1]) => runAnalysis({ plain: design, weighted: null }, a, 'x', 'zh').blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    const tables = (a: Parameters<typeof runAnalysis>[1]) => runAnalysis({ plain: design, weighted: null }, a, 'x', 'zh').blocks.flatMap((b) => (b.kind === 'table' ? [b.title] : []));
    const mean: Parameters<typeof runAnalysis>[1] = { command: 'means', var: ['income'], by: 'area' };
    expect(paragraphs(mean)[0]).toMatch(/^“人均可支配收入”的均值，城市比农村高\d+元（/);
    expect(tables(mean)[0]).toBe('过去一年，您家人均可支配收入大约是多少元？');
    const share: Parameters<typeof runAnalysis>[1] = { command: 'shares', var: ['happiness'], top: 2, by: 'area' };
    expect(paragraphs(share)[0]).toMatch(/^调查结果显示：对“幸福感”回答“比较幸福”和“非常幸福”的，占有效样本/);
  });

  it('and in English, with English punctuation', () => {
    const r = estimateShares(design, { variable: 'happiness', top: 2, by: 'area', lang: 'en' });
    const text = narrateShares(r, 'en');
    expect(text).toMatch(/^Of the 10000 valid answers to "[^"]+", 55\.2% were "Fairly happy" or "Very happy" \(95% CI 54\.2%–56\.2%\)\. By group: Urban 62\.3%, Rural 44\.6%\. Urban is 17\.7 percentage points higher than Rural \(95% CI 15\.7 to 19\.6, p < 0\.001\)/);
    expect(text).not.toMatch(/[（），。]/);
    expect(renderMarkdown({ title: 't', byline: [], blocks: sharesSection(r, 'en', { id: 'x' }) })).toContain('**All things considered, how happy is your life? (Fairly happy / Very happy)**');
  });

  it('says only what the coefficients support, in the variables\' words: direction and significance, no causal claim', () => {
    const fit = fitOls(design, 'happiness ~ log(income) + sat_health_cost + area');
    const codebook = design.table.codebook;
    const zh = narrateRegression(fit, codebook, 'zh');
    const outcome = termWords(codebook, 'happiness', 'zh').label;
    expect(zh).toMatch(new RegExp(`^以“${outcome}”为因变量的线性回归（OLS）（N = \\d+）显示，在控制模型中其他变量后：`));
    expect(zh).toContain('这是相关关系，不能据此断定因果。');
    // No code names in the narrative: a reader sees labels.
    for (const name of ['happiness', 'income', 'sat_health_cost', 'area']) expect(zh).not.toContain(name);
    const up = zh.indexOf('越倾向于“非常幸福”');
    const down = zh.indexOf('越倾向于“非常不幸福”');
    for (const c of fit.coefficients.filter((x) => x.term !== '(Intercept)')) {
      const words = termWords(codebook, c.term, 'zh');
      if (!(c.pValue < 0.05)) expect(zh, c.term).toContain(`${words.name}的关联在0.05水平上不显著`);
      else {
        const at = zh.indexOf(words.higher);
        const end = c.estimate > 0 ? up : down;
        expect(at, `${c.term} p = ${c.pValue}`).toBeGreaterThan(0);
        expect(at, `${c.term} before the outcome's direction`).toBeLessThan(end);
        // A positive coefficient of a satisfaction item reads "closer to 非常满意", not a heavier burden.
        if (c.term === 'sat_health_cost') expect(words.higher).toBe('“医疗费用负担”的回答越接近“非常满意”');
      }
    }
    const en = narrateRegression(fit, codebook, 'en');
    expect(en).toMatch(/^A linear regression \(OLS\) of "[^"]+" \(N = \d+\)/);
    expect(en).toContain('These are associations, not proof of cause.');
  });
});
