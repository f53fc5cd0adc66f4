import type { Lang } from '../core/variable-labels.js';
import type { Codebook } from '../core/types.js';
import type { WeightingResult } from '../weight/weight-design.js';
import { formatFixed, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';

/** How the sample was weighted to the population: method, weight spread, design effect, and each margin before and after. */
export function weightingSection(r: WeightingResult, codebook: Codebook, lang: Lang): ReportBlock[] {
  const d = r.diagnostics;
  // Targets files name levels by label or code, in whichever language they were written: show the report's.
  const levelLabel = (target: string, level: string) => {
    const choice = codebook.variables.find((v) => v.name === target)?.choices?.find((c) => c.label === level || c.labelEn === level || String(c.code) === level);
    return choice ? (lang === 'en' ? choice.labelEn ?? choice.label : choice.label) : level;
  };
  const method = r.calibrated.method === 'rake' ? (lang === 'zh' ? `迭代比例拟合（raking，${r.calibrated.iterations}轮）` : `raking (${r.calibrated.iterations} iterations)`) : lang === 'zh' ? '事后分层' : 'post-stratification';
  // Name each margin by its levels (城市/农村): a variable's label is its question text.
  const targets = [...new Set(d.margins.map((m) => m.target))].map((target) => d.margins.filter((m) => m.target === target).map((m) => levelLabel(m.target, m.level)).join('/')).join(lang === 'zh' ? '、' : ', ');
  const trim = r.bounds ? (lang === 'zh' ? `，权数截尾于[${formatFixed(r.bounds[0], 3)}, ${formatFixed(r.bounds[1], 3)}]` : `, trimmed to [${formatFixed(r.bounds[0], 3)}, ${formatFixed(r.bounds[1], 3)}]`) : '';
  const text =
    lang === 'zh'
      ? `为使样本结构与总体一致，按${targets}的总体结构对有效样本进行${method}加权${trim}。权数最小${formatFixed(d.min, 3)}、最大${formatFixed(d.max, 3)}，加权设计效应（Kish）${formatFixed(d.kishDeff, 3)}，有效样本量${formatFixed(d.effectiveN, 0)}。下文比例和均值同时给出不加权与加权结果。`
      : `To match the population, the valid sample was weighted by ${method} on ${targets}${trim}. Weights range from ${formatFixed(d.min, 3)} to ${formatFixed(d.max, 3)}; Kish's design effect is ${formatFixed(d.kishDeff, 3)} (effective n ${formatFixed(d.effectiveN, 0)}). Shares and means below are given unweighted and weighted.`;
  const columns = lang === 'zh' ? ['变量', '类别', '样本量', '样本占比', '总体占比', '加权后占比'] : ['Variable', 'Level', 'n', 'Sample share', 'Population share', 'Weighted share'];
  const rows = d.margins.map((m) => [m.target, levelLabel(m.target, m.level), String(m.n), formatPercent(m.sampleShare), formatPercent(m.targetShare), formatPercent(m.weightedShare)]);
  const title = lang === 'zh' ? '加权前后的样本结构' : 'Sample structure before and after weighting';
  return [{ kind: 'paragraph', text }, tableBlock(title, columns, rows, { align: columns.map((_, k) => (k < 2 ? 'left' : 'right')) })];
}
