import { describe, expect, it } from 'vitest';
import type { Codebook, Issue } from '../../../src/core/types.js';
import { alphaVerdict } from '../../../src/locale/alpha-words.js';
import { differenceWords } from '../../../src/locale/difference-words.js';
import { issueMessage } from '../../../src/locale/issue-message.js';
import { langFromLocale } from '../../../src/locale/lang.js';
import { methodName } from '../../../src/locale/method-names.js';
import { missingLabel } from '../../../src/locale/missing-words.js';
import { RULE_NAMES, ruleName } from '../../../src/locale/rule-names.js';
import { outcomeWords, termWords } from '../../../src/locale/term-words.js';
import { groupWords, variableWords } from '../../../src/locale/variable-words.js';

const satisfied = [
  { code: 1, label: '很不满意', labelEn: 'Very dissatisfied', aliases: [] },
  { code: 5, label: '非常满意', labelEn: 'Very satisfied', aliases: [] },
];
const codebook: Codebook = {
  id: 't',
  variables: [
    { name: 'area', label: '您目前的居住地是？', labelEn: 'Where do you live?', shortLabel: '城乡', shortLabelEn: 'Area', type: 'single', aliases: [], choices: [{ code: 1, label: '城市', labelEn: 'Urban', aliases: [] }, { code: 2, label: '农村', labelEn: 'Rural', aliases: [] }] },
    { name: 'income', label: '人均可支配收入是多少元？', shortLabel: '收入', type: 'numeric', unit: '元', range: [0, 100], aliases: [] },
    { name: 'sat_cost', label: '医疗费用负担', labelEn: 'Burden of medical costs', type: 'single', ordered: true, group: 'sat', aliases: [], choices: satisfied },
    { name: 'happy', label: '幸福吗？', shortLabel: '幸福感', type: 'single', ordered: true, aliases: [], choices: [{ code: 1, label: '非常不幸福', aliases: [] }, { code: 5, label: '非常幸福', aliases: [] }] },
    { name: 'bare', type: 'text', aliases: [] },
  ],
  groups: { sat: { label: '生活各方面满意度', labelEn: 'Satisfaction' } },
  checks: [{ name: 'retired-age', check: 'true', message: '离退休人员年龄小于45岁', messageEn: 'Retired respondent younger than 45' }],
  derive: [],
};

describe('locale: words a report and the CLI share', () => {
  it('reads the language of a locale: zh_CN.UTF-8 is Chinese, C/POSIX or unset English', () => {
    expect(langFromLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromLocale({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' })).toBe('zh');
    expect(langFromLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(langFromLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langFromLocale({})).toBe('en');
  });

  it('names cleaning rules in words, a codebook check by its message, an unknown rule by its code', () => {
    expect(ruleName('speeder', 'zh')).toBe('答题时间过短');
    expect(ruleName('required-missing', 'zh')).toBe('必答题未答');
    expect(ruleName('straight-lining', 'en')).toBe('Straight-lining');
    expect(ruleName('retired-age', 'zh', codebook.checks)).toBe('离退休人员年龄小于45岁');
    expect(ruleName('retired-age', 'en', codebook.checks)).toBe('Retired respondent younger than 45');
    expect(ruleName('my-rule', 'zh')).toBe('my-rule');
    // Every Chinese rule name is Chinese: no Latin word a reader would have to decode.
    for (const [rule, words] of Object.entries(RULE_NAMES)) expect(words.zh, rule).not.toMatch(/[a-z]{3,}/);
  });

  it('names methods in words, keeping an unknown code visible', () => {
    expect(methodName('test', 't.test (Welch)', 'zh')).toBe('Welch t检验');
    expect(methodName('se', 'hessian', 'zh')).toBe('基于信息矩阵的标准误');
    expect(methodName('weighting', 'poststratify', 'zh')).toBe('事后分层');
    expect(methodName('weighting', 'rake', 'zh')).toBe('迭代比例加权');
    expect(methodName('test', 'rao-scott', 'zh')).toBe('Rao-Scott二阶校正F检验');
    expect(methodName('interval', 'wilson', 'en')).toBe('Wilson');
    expect(methodName('interval', 'something-new', 'zh')).toBe('something-new');
  });

  it('says why an answer is missing in words', () => {
    expect(missingLabel('invalid', 'zh')).toBe('缺失（无效回答）');
    expect(missingLabel('declared', 'zh')).toBe('缺失（说不清/拒答）');
    expect(missingLabel('empty', 'en')).toBe('Missing (not answered)');
  });

  it('names variables by their short label, then the question, then the code; sets by the codebook groups', () => {
    expect(variableWords(codebook, 'area', 'zh')).toBe('城乡');
    expect(variableWords(codebook, 'area', 'en')).toBe('Area');
    expect(variableWords(codebook, 'sat_cost', 'zh')).toBe('医疗费用负担');
    expect(variableWords(codebook, 'bare', 'zh')).toBe('bare');
    expect(groupWords(codebook, 'sat', 'zh')).toBe('生活各方面满意度');
    expect(groupWords(codebook, 'sat', 'en')).toBe('Satisfaction');
    expect(groupWords(codebook, 'other', 'zh')).toBe('other');
  });
});

describe('locale: wording a reviewer would question', () => {
  const pp = (x: number) => (100 * x).toFixed(1);

  it('words a negative difference as 低 and shows its interval in the same direction', () => {
    const d = { first: '城市', second: '农村', estimate: -0.295, confLow: -0.311, confHigh: -0.279 };
    expect(differenceWords(d, 'zh', pp, '个百分点')).toEqual({ claim: '城市比农村低29.5个百分点', interval: '95%置信区间：27.9～31.1' });
    expect(differenceWords(d, 'en', pp, 'percentage points')).toEqual({ claim: '城市 is 29.5 percentage points lower than 农村', interval: '95% CI 27.9 to 31.1' });
  });

  it('keeps a positive difference and an interval crossing zero as they are, with the unit after the number', () => {
    const n = (x: number) => x.toFixed(0);
    expect(differenceWords({ first: '城市', second: '农村', estimate: 24160, confLow: 23419, confHigh: 24902 }, 'zh', n, '元').claim).toBe('城市比农村高24160元');
    expect(differenceWords({ first: 'a', second: 'b', estimate: -0.01, confLow: -0.03, confHigh: 0.01 }, 'zh', pp).interval).toBe('95%置信区间：-1.0～3.0');
  });

  it('says what a Cronbach α means, by the usual bands', () => {
    expect(alphaVerdict(0.522, 'zh')).toMatch(/^内部一致性偏低（α<0\.6）/);
    expect(alphaVerdict(0.6, 'zh')).toBe('内部一致性可以接受（0.6≤α<0.7）');
    expect(alphaVerdict(0.75, 'zh')).toBe('内部一致性较好（0.7≤α<0.8）');
    expect(alphaVerdict(0.8, 'zh')).toBe('内部一致性良好（α≥0.8）');
    expect(alphaVerdict(0.85, 'en')).toBe('internal consistency is very good (α ≥ 0.8)');
    expect(alphaVerdict(Number.NaN, 'zh')).toBe('');
  });

  it('reads a satisfaction item\'s coefficient as "closer to 非常满意", a factor against its reference, log(x) as 取对数', () => {
    expect(termWords(codebook, 'sat_cost', 'zh')).toEqual({ label: '医疗费用负担', higher: '“医疗费用负担”的回答越接近“非常满意”', name: '医疗费用负担' });
    expect(termWords(codebook, 'sat_cost', 'en').higher).toBe('answers on "Burden of medical costs" closer to "Very satisfied"');
    expect(termWords(codebook, 'area农村', 'zh')).toEqual({ label: '城乡：农村', higher: '农村（相对于城市）', name: '城乡（农村相对于城市）' });
    expect(termWords(codebook, 'log(income)', 'zh')).toEqual({ label: '收入（取对数）', higher: '收入（取对数）越高', name: '收入（取对数）' });
    expect(termWords(codebook, 'income:area农村', 'zh').label).toBe('收入 × 城乡：农村');
    expect(termWords(codebook, '(Intercept)', 'zh').label).toBe('截距');
    expect(outcomeWords(codebook, 'happy', 'zh', false)).toEqual({ name: '幸福感', up: '“幸福感”越倾向于“非常幸福”', down: '“幸福感”越倾向于“非常不幸福”' });
    expect(outcomeWords(codebook, 'income', 'zh', false).up).toBe('“收入”越高');
    expect(outcomeWords(codebook, 'happy', 'zh', true).up).toBe('“幸福感”的可能性越大');
  });

  it('writes issues.csv messages in the run\'s language from the issue\'s fields', () => {
    const issue = (rule: string, variable: string, rawValue: string, message = 'english'): Issue => ({ sourceRow: 7, variable, rawValue, rule, severity: 'error', message });
    expect(issueMessage(issue('required-missing', 'area', ''), 'zh', codebook)).toBe('必答题“城乡”未作答');
    expect(issueMessage(issue('out-of-range', 'income', '130'), 'zh', codebook)).toBe('130超出“收入”的取值范围[0, 100]');
    expect(issueMessage(issue('unknown-label', 'sat_cost', '特别满意'), 'zh', codebook)).toBe('“特别满意”不是“医疗费用负担”的选项');
    expect(issueMessage(issue('skip-logic', 'area', '1'), 'zh', codebook)).toBe('按跳题逻辑“城乡”不应作答，却有回答');
    expect(issueMessage(issue('retired-age', 'a+b', 'a=1'), 'zh', codebook)).toBe('离退休人员年龄小于45岁');
    expect(issueMessage(issue('retired-age', 'a+b', 'a=1'), 'en', codebook)).toBe('Retired respondent younger than 45');
    expect(issueMessage(issue('required-missing', 'area', '', 'area is required but not answered'), 'en', codebook)).toBe('area is required but not answered');
    expect(issueMessage(issue('some-new-rule', 'area', '', 'as written'), 'zh', codebook)).toBe('as written');
  });
});
