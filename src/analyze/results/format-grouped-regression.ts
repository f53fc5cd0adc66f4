import type { GroupedRegression } from '../regression/fit-by-group.js';
import type { RegressionResult } from '../regression/regression-result.js';
import type { Lang } from '../../locale/lang.js';
import { regressionWords } from '../../locale/regression-words.js';

const stars = (p: number) => (p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : '');
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

/** Side-by-side 三线表: pooled then one column per group, estimate with stars over (SE), then the equality test. */
export function formatGroupedRegression(grouped: GroupedRegression<RegressionResult>, lang: Lang = 'zh'): string {
  const w = regressionWords(lang);
  const fits = [{ level: w.pooled, result: grouped.pooled }, ...grouped.groups];
  const terms = [...new Set(fits.flatMap((f) => [...f.result.coefficients, ...f.result.thresholds].map((c) => c.term)))];
  const header = [w.consoleTerm, ...fits.map((f) => `${grouped.by}=${f.level}`)];
  const rows: string[][] = [];
  for (const term of terms) {
    const cells = fits.map((f) => [...f.result.coefficients, ...f.result.thresholds].find((c) => c.term === term));
    rows.push([term, ...cells.map((c) => (c ? `${c.estimate.toFixed(3)}${stars(c.pValue)}` : '—'))]);
    rows.push(['', ...cells.map((c) => (c ? `(${c.standardError.toFixed(3)})` : ''))]);
  }
  rows.push(['N', ...fits.map((f) => String(f.result.nobs))]);
  const widths = header.map((_, k) => Math.max(...[header, ...rows].map((r) => width(r[k]))));
  const line = (r: string[]) => r.map((c, k) => pad(c, widths[k], k > 0)).join('  ');
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const out = ['━'.repeat(total), line(header), '─'.repeat(total), ...rows.map(line), '━'.repeat(total)];
  const t = grouped.test;
  if (t) {
    const wald = w.waldTest;
    const name = t.kind === 'chow' ? `Chow F(${t.df}, ${t.df2})`
      : t.kind === 'likelihood-ratio' ? `LR χ²(${t.df})`
        : `${wald}, ${t.distribution === 'F' ? `F(${t.df}, ${t.df2})` : `χ²(${t.df})`}`;
    out.push(`${w.equalityTest}: ${name} = ${t.statistic.toFixed(2)}, p ${t.pValue < 0.001 ? '< 0.001' : `= ${t.pValue.toFixed(3)}`}`);
  }
  out.push(w.groupedNote);
  return `${out.join('\n')}\n`;
}
