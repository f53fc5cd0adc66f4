import type { Lang } from '../locale/lang.js';
import { methodName } from '../locale/method-names.js';
import { labelIn } from '../locale/bilingual.js';
import { marks } from '../locale/report-marks.js';
import { sectionWords } from '../locale/section-words.js';
import { variableWords } from '../locale/variable-words.js';
import type { Codebook } from '../core/types.js';
import type { WeightingResult } from '../weight/weight-design.js';
import { formatFixed, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';

/** How the sample was weighted to the population: method, weight spread, design effect, and each margin before and after. */
export function weightingSection(r: WeightingResult, codebook: Codebook, lang: Lang): ReportBlock[] {
  const d = r.diagnostics;
  const w = sectionWords(lang);
  // Targets files name levels by label or code, in whichever language they were written: show the report's.
  const levelLabel = (target: string, level: string) => {
    const choice = codebook.variables.find((v) => v.name === target)?.choices?.find((c) => c.label === level || c.labelEn === level || String(c.code) === level);
    return choice ? labelIn(lang, choice) : level;
  };
  const name = methodName('weighting', r.calibrated.method, lang);
  const method = r.calibrated.method === 'rake' ? w.rakeMethod(name, r.calibrated.iterations) : name;
  // Name each margin by its levels (城市/农村): a variable's label is its question text.
  const targets = [...new Set(d.margins.map((m) => m.target))].map((target) => d.margins.filter((m) => m.target === target).map((m) => levelLabel(m.target, m.level)).join('/')).join(marks(lang).enumeration);
  const trim = r.bounds ? w.trimmed(formatFixed(r.bounds[0], 3), formatFixed(r.bounds[1], 3)) : '';
  const text = w.weighting({ targets, method, trim, min: formatFixed(d.min, 3), max: formatFixed(d.max, 3), deff: formatFixed(d.kishDeff, 3), effectiveN: formatFixed(d.effectiveN, 0) });
  const columns = w.weightingColumns;
  const rows = d.margins.map((m) => [variableWords(codebook, m.target, lang), levelLabel(m.target, m.level), String(m.n), formatPercent(m.sampleShare), formatPercent(m.targetShare), formatPercent(m.weightedShare)]);
  const title = w.weightingTitle;
  return [{ kind: 'paragraph', text }, tableBlock(title, columns, rows, { align: columns.map((_, k) => (k < 2 ? 'left' : 'right')) })];
}
