import type { GroupedRegression } from '../regression/fit-by-group.js';
import type { RegressionResult } from '../regression/regression-result.js';

const stars = (p: number) => (p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : '');
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

/** Side-by-side 三线表: pooled then one column per group, estimate with stars over (SE), then the equality test. */
export function formatGroupedRegression(grouped: GroupedRegression<RegressionResult>, lang: 'zh' | 'en' = 'zh'): string {
  const zh = lang === 'zh';
  const fits = [{ level: zh ? '全部' : 'pooled', result: grouped.pooled }, ...grouped.groups];
  const terms = [...new Set(fits.flatMap((f) => [...f.result.coefficients, ...f.result.thresholds].map((c) => c.term)))];
  const header = [zh ? '变量' : 'term', ...fits.map((f) => `${grouped.by}=${f.level}`)];
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
    const wald = zh ? '设计基础 Wald 检验（全交互模型中分组项与交互项）' : 'design-based Wald test of the group and interaction terms of the fully interacted model';
    const name = t.kind === 'chow' ? `Chow F(${t.df}, ${t.df2})`
      : t.kind === 'likelihood-ratio' ? `LR χ²(${t.df})`
        : `${wald}, ${t.distribution === 'F' ? `F(${t.df}, ${t.df2})` : `χ²(${t.df})`}`;
    out.push(`${zh ? '各组系数相同的检验' : 'test that the groups share coefficients'}: ${name} = ${t.statistic.toFixed(2)}, p ${t.pValue < 0.001 ? '< 0.001' : `= ${t.pValue.toFixed(3)}`}`);
  }
  out.push(zh ? '括号内为标准误；*** p<0.001, ** p<0.01, * p<0.05' : 'standard errors in parentheses; *** p<0.001, ** p<0.01, * p<0.05');
  return `${out.join('\n')}\n`;
}
