import type { Codebook } from '../../core/types.js';
import type { CoefficientRow, RegressionResult } from '../regression/regression-result.js';
import type { Lang } from '../../locale/lang.js';
import { ownTextIn } from '../../locale/bilingual.js';
import { regressionWords } from '../../locale/regression-words.js';

const stars = (p: number) => (p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : p < 0.1 ? '.' : '');
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number, right = false) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));
const num = (v: number | null, digits = 3) => (v === null || !Number.isFinite(v) ? '—' : Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(digits));
const pText = (p: number) => (p < 0.001 ? '<0.001' : p.toFixed(3));

/**
 * A coefficient table in 三线表 layout (three rules: top, under the header, bottom) with
 * significance stars and the codebook's question labels beside plain variables (R: `summary()`'s table).
 */
export function formatRegressionTable(result: RegressionResult, codebook?: Codebook, lang: Lang = 'zh'): string {
  const w = regressionWords(lang);
  const labelOf = (term: string) => {
    const v = codebook?.variables.find((x) => x.name === term);
    return ownTextIn(lang, v?.label, v?.labelEn) ?? '';
  };
  const statName = result.coefficients[0] && result.fit.dfResidual !== null && result.model === 'ols' ? 't' : 'z';
  const level = Math.round(result.confidenceLevel * 100);
  const header = [...w.consoleHeader, statName, 'p', `${level}% CI`];
  const rows = (list: readonly CoefficientRow[]) => list.map((r) => {
    const label = labelOf(r.term);
    return [label ? `${r.term} ${label}` : r.term, `${num(r.estimate)}${stars(r.pValue).padEnd(3)}`, num(r.standardError), num(r.statistic, 2), pText(r.pValue), `[${num(r.confLow)}, ${num(r.confHigh)}]`];
  });
  const body = rows(result.coefficients);
  const thresholds = rows(result.thresholds);
  const all = [header, ...body, ...thresholds];
  const widths = header.map((_, k) => Math.max(...all.map((r) => width(r[k]))));
  const line = (r: string[]) => r.map((c, k) => pad(c, widths[k], k > 0)).join('  ');
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const heavy = '━'.repeat(total);
  const light = '─'.repeat(total);
  const out = [heavy, line(header), light, ...body.map(line)];
  if (thresholds.length) out.push(w.consoleThresholds, ...thresholds.map(line));
  out.push(heavy);
  const f = result.fit;
  const facts: string[] = [`N = ${result.nobs}`];
  if (result.rowsDropped) facts.push(w.rowsDropped(result.rowsDropped));
  if (f.rSquared !== null && result.model === 'ols') facts.push(`R² = ${num(f.rSquared)}`, `adj. R² = ${num(f.adjRSquared)}`);
  if (f.fStatistic !== null && f.fPValue !== null) facts.push(`F(${f.dfModel}, ${f.dfResidual}) = ${num(f.fStatistic, 2)}, p ${f.fPValue < 0.001 ? '< 0.001' : `= ${f.fPValue.toFixed(3)}`}`);
  if (f.logLik !== null) facts.push(`log L = ${num(f.logLik, 2)}`, `AIC = ${num(f.aic, 1)}`);
  out.push(facts.join('; '));
  out.push(`${w.consoleSe}: ${result.seType}; *** p<0.001, ** p<0.01, * p<0.05, . p<0.1`);
  if (result.missing.length) out.push(`${w.consoleMissing}: ${result.missing.map((m) => `${m.variable} ${m.rows}`).join(', ')}`);
  return `${out.join('\n')}\n`;
}
